using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Archiver.Evidence;
using Archiver.Notify;
using Archiver.Progress;
using Archiver.Sources;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>
/// Records a capture: the snapshot when <see cref="VersionRules"/> says it is a new version or completes the latest
/// one (named in the state as pending first, see <see cref="SnapshotWriter"/>), then the state that lists it, the check
/// log and the change events, in that order, so a crash leaves either the old state or the new one, and any snapshot
/// blob named in it.
/// </summary>
internal sealed class CaptureRecorder(
    ArchiveStore store,
    SnapshotWriter snapshots,
    CheckLog checkLog,
    IChangeNotifier notifier,
    SnapshotTimestamper timestamper,
    IOptions<ArchiveOptions> options,
    IOptions<StatusPolicyOptions> policy,
    TimeProvider time)
{
    public static string ArchiverVersion { get; } =
        typeof(CaptureRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Records a capture that found the tweet; returns the outcome and the state written.</summary>
    public async Task<(TweetCapture Capture, TweetState State)> RecordFoundAsync(StateScope scope, Capture capture, CancellationToken cancellationToken)
    {
        var tweetId = scope.TweetId;
        var tweet = capture.Tweet!;
        ProgressScope.Report(new ProgressStep { Step = "storing", Subject = tweetId });
        var at = capture.CapturedAt;
        scope = await snapshots.ResolveStaleAsync(scope, cancellationToken);
        var previous = scope.Current;
        capture = await CarryStoredFilesAsync(previous, ConfirmGone(previous, capture, at), cancellationToken);
        var prints = TweetParts.Prints(tweet, capture.Provenance);
        var contentHash = ContentHash(tweet, capture.Files);
        var decision = VersionRules.Decide(previous?.Latest, capture, prints, contentHash);
        var completeness = capture.Completeness;
        string? written = null;
        if (decision is VersionDecision.NewVersion or VersionDecision.Completion)
        {
            var snapshot = new Snapshot
            {
                TweetId = tweetId,
                CapturedAt = at,
                ArchiverVersion = ArchiverVersion,
                ContentHash = contentHash,
                TweetSource = capture.TweetSource!,
                Tweet = tweet,
                EmbedHtml = capture.EmbedHtml,
                CreatedAtWarning = CreatedAtWarning(tweet),
                Files = capture.Files,
                Missing = [.. capture.Missing.Where(m => m.Part == "file").Concat(capture.OtherMissing).Select(m => new SnapshotMissingFile { Role = m.Role!, Index = m.Index, SourceUrl = m.SourceUrl!, Reason = m.Reason })],
                Sources = capture.Sources,
                Completeness = completeness,
                Version = BlobNames.Version(at),
            };
            (scope, written) = await snapshots.WriteAsync(scope, snapshot, cancellationToken);
            await timestamper.MarkPendingAsync(tweetId, written, cancellationToken);
        }

        var entry = written is null ? null : new TweetVersion
        {
            Version = written,
            CapturedAt = at,
            ContentHash = contentHash,
            Blob = BlobNames.Snapshot(tweetId, written),
            TweetSource = capture.TweetSource,
            Parts = prints,
            Complete = completeness.Complete,
            Coverage = capture.Coverage,
        };
        var found = capture.Report?.Outcomes.OfType<TweetFound>().FirstOrDefault(f => f.Source == capture.TweetSource);
        TweetStatus? before = null;
        var newVersion = false;
        var givenUp = false;
        var state = await UpdateStateAsync(scope, current =>
        {
            // A later recording gave this snapshot up (it took too long): its blob may be gone, so it is never listed.
            givenUp = written is not null && !SnapshotWriter.IsPending(current, written);
            if (givenUp)
            {
                return current ?? throw new InvalidOperationException($"Tweet {tweetId} has no state.");
            }

            before = current?.Status;
            var (versions, added) = Place(current?.Versions ?? [], entry, capture, prints, contentHash);
            newVersion = added;
            var status = StatusPolicy.OnFound(current);
            var changed = current?.Status != status;
            var partial = Partial(current, versions, entry, capture, at);
            // A check that could not see all of the tweet (a richer source failed for now) says nothing of a change
            // it could not see: it is repeated after the confirmation spacing, without moving on in the cadence.
            var unseen = partial is null && !added && capture.Missing.Any(m => m.Part != "file" && m.Kind == PartFailure.Transient);
            var (next, index) = PartialRetryWait(partial) is { } wait
                ? (at + wait, current?.IntervalIndex ?? 0)
                : unseen
                    ? (at + policy.Value.ConfirmSpacing, current?.IntervalIndex ?? 0)
                    : StatusPolicy.NextCheck(current, changed || added || decision == VersionDecision.Completion, at, policy.Value);
            return (current ?? New(tweetId, at)) with
            {
                ScreenName = tweet.Author?.ScreenName ?? current?.ScreenName,
                Status = status,
                Reason = null,
                Suspect = null,
                LastArchivedAt = at,
                LastCheckedAt = at,
                NextCheckAt = next,
                IntervalIndex = index,
                Versions = versions,
                LastCounts = tweet.Counts ?? current?.LastCounts,
                LastError = null,
                ChangedAt = changed ? at : current?.ChangedAt,
                History = changed && found is not null ? [.. current?.History ?? [], Change(at, status, null, found)] : current?.History ?? [],
                Related = [.. (current?.Related ?? []).Union(Related(tweet))],
                EditChain = EditChain(current, tweet),
                Partial = partial,
                PendingSnapshots = written is null ? current?.PendingSnapshots : SnapshotWriter.Without(current?.PendingSnapshots, [written]),
            };
        }, cancellationToken);
        if (givenUp)
        {
            return (await GivenUpAsync(scope, state, written!, at, cancellationToken), state);
        }

        await checkLog.AppendAsync(tweetId, new CheckEntry
        {
            At = at,
            Result = "found",
            Source = capture.TweetSource,
            HttpStatus = found?.Evidence[^1].Status,
            Counts = tweet.Counts,
            ContentHash = contentHash,
            NewVersion = newVersion ? written : null,
            Decision = EnumNames.Of(decision),
            TweetSource = capture.TweetSource,
            Missing = capture.Missing.Count == 0 ? null : Describe(capture.Missing),
        }, scope.IsFirstCheck, cancellationToken);
        Publish(tweetId, before, state, newVersion ? written : null);
        if (written is not null && state.Versions.Any(v => v.Version == written))
        {
            // Dated once the snapshot is listed; an authority that fails leaves it for the timer, never fails the capture.
            state = await timestamper.StampAsync(tweetId, written, cancellationToken) ?? state;
        }

        return (Outcome(state), state);
    }

    /// <summary>The outcome a tweet's state stands for: archived when its latest version is complete, partial when not.</summary>
    public static TweetCapture Outcome(TweetState state, bool reused = false, bool newVersion = false) => new()
    {
        TweetId = state.TweetId,
        Outcome = state.Partial is null ? CitationOutcome.Archived : CitationOutcome.Partial,
        Version = state.Latest?.Version,
        Reused = reused,
        NewVersion = newVersion,
        Missing = state.Partial is { } partial ? Describe(partial.Missing) : null,
    };

    public async Task<TweetCapture> RecordUnavailableAsync(StateScope scope, FetchReport report, Unavailability reason, CancellationToken cancellationToken)
    {
        var tweetId = scope.TweetId;
        var at = time.GetUtcNow();
        scope = await snapshots.ResolveStaleAsync(scope, cancellationToken);
        var answers = report.Outcomes.OfType<TweetUnavailable>().ToArray();
        var answer = answers.First(u => u.Reason == reason);
        // Corroborated: a second source agrees, or no other source gave any usable answer.
        var corroborated = answers.Select(a => a.Source).Distinct().Count() >= 2 || report.Outcomes.Count(o => o is not SourceFailed) == 1;

        TweetStatus? before = null;
        var state = await UpdateStateAsync(scope, current =>
        {
            before = current?.Status;
            var (status, suspect) = StatusPolicy.OnUnavailable(current, reason, corroborated, at, policy.Value);
            var changed = current?.Status != status;
            var counted = suspect is not null && suspect.Checks != current?.Suspect?.Checks;
            // While suspect, the next check comes after the confirmation spacing; once concluded, the usual cadence.
            var (next, index) = suspect is null ? StatusPolicy.NextCheck(current, changed, at, policy.Value) : (at + policy.Value.ConfirmSpacing, 0);
            return (current ?? New(tweetId, at)) with
            {
                Status = status,
                Reason = reason,
                Suspect = suspect,
                LastCheckedAt = at,
                NextCheckAt = next,
                IntervalIndex = index,
                ChangedAt = changed ? at : current?.ChangedAt,
                History = changed || counted ? [.. current?.History ?? [], Change(at, changed ? status : TweetStatus.Unavailable, reason, answer)] : current!.History,
            };
        }, cancellationToken);

        await checkLog.AppendAsync(tweetId, new CheckEntry
        {
            At = at, Result = $"unavailable:{EnumNames.Of(reason)}", Source = answer.Source, HttpStatus = answer.Evidence[^1].Status,
        }, scope.IsFirstCheck, cancellationToken);
        Publish(tweetId, before, state, null);
        return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Unavailable, Reason = reason };
    }

    /// <summary>No usable answer: nothing about the tweet changes; it is looked at again soon.</summary>
    public async Task<TweetCapture> RecordFailureAsync(StateScope scope, string error, CancellationToken cancellationToken)
    {
        var tweetId = scope.TweetId;
        var at = time.GetUtcNow();
        scope = await snapshots.ResolveStaleAsync(scope, cancellationToken);
        var state = await UpdateStateAsync(scope, state => (state ?? New(tweetId, at)) with
        {
            LastError = error,
            LastCheckedAt = at,
            NextCheckAt = at + (PartialRetryWait(state?.Partial) ?? policy.Value.ConfirmSpacing),
            Partial = state?.Partial is { } partial ? partial with { Retries = partial.Retries + 1 } : null,
        }, cancellationToken);
        await checkLog.AppendAsync(tweetId, new CheckEntry { At = at, Result = "failed", Error = error }, scope.IsFirstCheck, cancellationToken);
        // This check came to nothing: pending, whatever the tweet's versions hold.
        return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Pending, Error = error, Version = state.Latest?.Version };
    }

    /// <summary>
    /// The snapshot this capture wrote was given up by a later recording while this one was writing it: deleted (the
    /// later recording may have deleted it already), never listed, and the check logged as failed. The state stays as
    /// the later recording wrote it.
    /// </summary>
    private async Task<TweetCapture> GivenUpAsync(StateScope scope, TweetState state, string written, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await snapshots.DiscardAsync(scope.TweetId, written, cancellationToken);
        var error = $"Snapshot {written} was given up: it was still being written after {SnapshotWriter.PendingLifetime.TotalMinutes:0} minutes.";
        await checkLog.AppendAsync(scope.TweetId, new CheckEntry { At = at, Result = "failed", Error = error }, scope.IsFirstCheck, cancellationToken);
        return new TweetCapture { TweetId = scope.TweetId, Outcome = CitationOutcome.Pending, Error = error, Version = state.Latest?.Version };
    }

    /// <summary>
    /// Writes the state through <paramref name="change"/>, first over what the scope read, releasing its claim; due no
    /// later than a pending snapshot left in it goes stale.
    /// </summary>
    private async Task<TweetState> UpdateStateAsync(StateScope scope, Func<TweetState?, TweetState> change, CancellationToken cancellationToken)
    {
        var written = await store.UpdateStateAsync(scope.TweetId, current =>
        {
            var next = SnapshotWriter.DueWhenStale(change(current));
            return scope.ClaimId is not null && next.ClaimId == scope.ClaimId ? next with { ClaimId = null, ClaimedUntil = null } : next;
        }, cancellationToken, scope.LastRead);
        return written.Value;
    }

    /// <summary>
    /// Where the written snapshot goes in the versions: decided again against the state as it is now (another
    /// writer may have come between), and whatever that says, the snapshot is referenced.
    /// </summary>
    private static (IReadOnlyList<TweetVersion> Versions, bool Added) Place(
        IReadOnlyList<TweetVersion> versions, TweetVersion? entry, Capture capture, IReadOnlyDictionary<string, PartPrint> prints, string contentHash)
    {
        if (entry is null || versions.Any(v => v.AllSnapshots.Contains(entry.Version)))
        {
            return (versions, false);
        }

        var latest = versions.Count == 0 ? null : versions[^1];
        var decision = latest is null ? VersionDecision.NewVersion : VersionRules.Decide(latest, capture, prints, contentHash);
        if (decision == VersionDecision.NewVersion || latest is null)
        {
            return ([.. versions, entry], true);
        }

        var merged = decision == VersionDecision.Completion
            ? entry with { Captures = [.. latest.AllSnapshots], CaptureTimestamps = latest.Timestamps.Count == 0 ? null : latest.Timestamps }
            // Someone recorded a fuller capture meanwhile: ours stays listed as an earlier capture of that version.
            : latest with { Captures = [.. latest.Captures, entry.Version] };
        return ([.. versions.Take(versions.Count - 1), merged], false);
    }

    /// <summary>The partial state after this capture: that of the latest version's snapshot, or null when it is complete.</summary>
    /// <summary>The wait before the timer's next retry of a partial capture, or null when it is not retried (any more).</summary>
    private TimeSpan? PartialRetryWait(PartialState? partial) =>
        partial is { Retryable: true } && partial.Retries < options.Value.PartialRetryIntervals.Length
            ? options.Value.PartialRetryIntervals[partial.Retries]
            : null;

    private static PartialState? Partial(TweetState? current, IReadOnlyList<TweetVersion> versions, TweetVersion? entry, Capture capture, DateTimeOffset at)
    {
        var latest = versions.Count == 0 ? null : versions[^1];
        if (latest is null || latest.Complete != false)
        {
            return null;
        }

        if (entry is not null && latest.Version == entry.Version)
        {
            return new PartialState { Since = current?.Partial?.Since ?? at, Retries = current?.Partial is null ? 0 : current.Partial.Retries + 1, Missing = capture.Missing };
        }

        // The latest version was not replaced: it lacks what it lacked; one more retry is spent.
        return current?.Partial is { } partial
            ? partial with
            {
                Retries = partial.Retries + 1,
                Missing = [.. partial.Missing.Select(m => m.Kind != PartFailure.Conclusive && capture.Missing.FirstOrDefault(c => c.Key == m.Key) is { } now ? now : m)],
            }
            : new PartialState { Since = at, Missing = capture.Missing };
    }

    /// <summary>
    /// A file the host says is gone counts as gone for good only after <see cref="StatusPolicyOptions.ConfirmChecks"/>
    /// consistent answers at least <see cref="StatusPolicyOptions.ConfirmSpacing"/> apart, as for tweets.
    /// </summary>
    private Capture ConfirmGone(TweetState? current, Capture capture, DateTimeOffset at)
    {
        if (capture.Missing.All(m => m.Kind != PartFailure.Gone))
        {
            return capture;
        }

        var missing = capture.Missing.Select(m =>
        {
            if (m.Kind != PartFailure.Gone)
            {
                return m;
            }

            var earlier = current?.Partial?.Missing.FirstOrDefault(p => p.Key == m.Key && p.GoneChecks is not null);
            var counts = earlier?.GoneAt is not { } last || at - last >= policy.Value.ConfirmSpacing;
            var checks = (earlier?.GoneChecks ?? 0) + (counts ? 1 : 0);
            var gone = m with { GoneChecks = checks, GoneAt = counts ? at : earlier!.GoneAt };
            return checks >= policy.Value.ConfirmChecks ? gone with { Kind = PartFailure.Conclusive, Reason = $"{m.Reason} (confirmed {checks} times)" } : gone;
        }).ToList();
        return capture with { Missing = missing };
    }

    /// <summary>
    /// A file this capture could not download whose URL the latest version stored: the stored copy stands (one read of
    /// the latest snapshot, only when a download failed).
    /// </summary>
    private async Task<Capture> CarryStoredFilesAsync(TweetState? current, Capture capture, CancellationToken cancellationToken)
    {
        var failed = capture.Missing.Where(m => m.Part == "file").ToList();
        if (failed.Count == 0 || current?.Latest is not { } latest
            || await store.ReadSnapshotAsync(current.TweetId, latest.Version, cancellationToken) is not { } stored)
        {
            return capture;
        }

        var carried = new List<SnapshotFile>();
        var missing = new List<MissingPart>();
        foreach (var m in capture.Missing)
        {
            if (m.Part == "file" && stored.Files.FirstOrDefault(f => TweetFiles.KeyOf(f) == m.Key) is { } kept)
            {
                carried.Add(kept with { CarriedFrom = kept.CarriedFrom ?? stored.Version });
            }
            else
            {
                missing.Add(m);
            }
        }

        return carried.Count == 0 ? capture : capture with
        {
            Files = [.. capture.Files.Concat(carried).OrderBy(f => Order(f.Role)).ThenBy(f => f.Index)],
            Missing = missing,
        };
    }

    private static int Order(string role) => role switch { "media" => 0, "poster" => 0, "avatar" => 1, _ => 2 };

    /// <summary>One line per reason: the parts (or file) missing for it, how, and why.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<MissingPart> missing) =>
    [
        .. missing
            .GroupBy(m => (File: m.Part == "file" ? m.Key : null, m.Kind, m.Reason))
            .Select(g => $"{string.Join(", ", g.Select(Name))} ({EnumNames.Of(g.Key.Kind)}): {g.Key.Reason}"),
    ];

    private static string Name(MissingPart m) => m.Part == "file" ? $"{m.Role}{(m.Index is { } i ? $"[{i}]" : "")}" : m.Part;

    internal static IEnumerable<string> Related(TweetData tweet) =>
        new[] { tweet.QuotedTweetId ?? tweet.QuotedTweet?.Id, tweet.ParentTweetId ?? tweet.Parent?.Id }
            .OfType<string>()
            .Where(id => id != tweet.Id)
            .Distinct();

    private static StatusChange Change(DateTimeOffset at, TweetStatus status, Unavailability? reason, SourceOutcome evidence) => new()
    {
        At = at,
        Status = status,
        Reason = reason,
        Source = evidence.Source,
        HttpStatus = evidence.Evidence[^1].Status,
        Wording = (evidence as TweetUnavailable)?.Wording,
        EvidenceSha256 = evidence.Evidence[^1].Sha256,
    };

    private static IReadOnlyList<string> EditChain(TweetState? current, TweetData tweet)
    {
        var ids = tweet.Edits?.EditTweetIds ?? [];
        return ids.Count > 1
            ? [.. (current?.EditChain ?? []).Union(ids).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)]
            : current?.EditChain ?? [];
    }

    private void Publish(string tweetId, TweetStatus? before, TweetState state, string? newVersion)
    {
        var at = time.GetUtcNow();
        // A first capture is not a change; a status that moves after that is.
        if (before is { } previous && previous != TweetStatus.Pending && previous != state.Status)
        {
            notifier.Publish(new ChangeEvent { Type = "status_changed", TweetId = tweetId, Status = state.Status, PreviousStatus = before, At = at });
        }

        if (newVersion is not null && state.Versions.Count > 1)
        {
            notifier.Publish(new ChangeEvent { Type = "new_version", TweetId = tweetId, Status = state.Status, Version = newVersion, At = at });
        }
    }

    private static TweetState New(string tweetId, DateTimeOffset at) =>
        new() { TweetId = tweetId, Status = TweetStatus.Pending, FirstSeenAt = at };

    /// <summary>The tweet's content fingerprint extended with the bytes of its media and card image (not the avatar's).</summary>
    private static string ContentHash(TweetData tweet, IReadOnlyList<SnapshotFile> files)
    {
        var text = new StringBuilder(TweetContent.Hash(tweet));
        foreach (var file in files.Where(f => f.Role is "media" or "card"))
        {
            text.Append('\n').Append(file.Role).Append(':').Append(file.Sha256);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? CreatedAtWarning(TweetData tweet) =>
        tweet.CreatedAt is { } created && Snowflake.TryGetTimestamp(tweet.Id, out var snowflake) && (created - snowflake).Duration() > TimeSpan.FromMinutes(1)
            ? $"created_at {created:O} differs from the id's snowflake time {snowflake:O}"
            : null;
}

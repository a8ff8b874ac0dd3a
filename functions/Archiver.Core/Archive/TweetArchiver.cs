using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Archiver.Notify;
using Archiver.Progress;
using Archiver.Recheck;
using Archiver.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>
/// Archives and checks one tweet: fetch through the ladder of sources, keep every raw body, stream every media file
/// to the archive, write a snapshot when the content changed, then the state that points at it — in that order, so a
/// crash leaves either the old state or the new one and a re-run finishes without duplicates. Status changes follow
/// <see cref="StatusPolicy"/>; every check is logged with its counters; changes are published.
/// </summary>
internal sealed class TweetArchiver(
    TweetFetcher fetcher,
    TweetFiles tweetFiles,
    ArchiveStore store,
    CheckLog checkLog,
    IChangeNotifier notifier,
    IOptions<ArchiveOptions> options,
    IOptions<RecheckOptions> recheck,
    TimeProvider time,
    ILogger<TweetArchiver> logger)
{
    public static string ArchiverVersion { get; } =
        typeof(TweetArchiver).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Archives a cited tweet, unless the archive holds a capture fresher than the freshness window.</summary>
    public async Task<TweetCapture> CaptureAsync(string tweetId, bool refresh, CancellationToken cancellationToken)
    {
        var existing = await store.ReadStateAsync(tweetId, cancellationToken);
        if (!refresh && existing?.Value is { Latest: { } latest, LastArchivedAt: { } archivedAt } && time.GetUtcNow() - archivedAt < options.Value.FreshnessWindow)
        {
            return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Archived, Version = latest.Version, Reused = true };
        }

        return await CheckAsync(new StateScope(tweetId, new LastRead<TweetState>(existing), null), options.Value.RelatedDepth, cancellationToken);
    }

    /// <summary>
    /// Fetches a tweet the caller holds a claim on (<paramref name="claimed"/>, as the claim wrote it) and records what
    /// the sources said; the state written at the end also releases the claim, in the same write.
    /// </summary>
    public Task<TweetCapture> CheckAsync(Stored<TweetState> claimed, CancellationToken cancellationToken) =>
        CheckAsync(new StateScope(claimed.Value.TweetId, new LastRead<TweetState>(claimed), claimed.Value.ClaimId), options.Value.RelatedDepth, cancellationToken);

    private async Task<TweetCapture> CheckAsync(StateScope scope, int relatedDepth, CancellationToken cancellationToken)
    {
        var report = await fetcher.FetchAsync(scope.TweetId, cancellationToken);
        var capture = report.Tweet is { } tweet
            ? await SaveAsync(scope, report, tweet, cancellationToken)
            : report.Unavailable is { } reason
                ? await RecordUnavailableAsync(scope, report, reason, cancellationToken)
                : await RecordFailureAsync(scope, report, cancellationToken);

        if (capture.Outcome == CitationOutcome.Archived && relatedDepth > 0 && report.Tweet is { } found)
        {
            foreach (var related in Related(found).Concat(NewerEdits(found)))
            {
                var relatedCapture = await CaptureAsync(related, refresh: false, cancellationToken);
                Log.RelatedCaptured(logger, scope.TweetId, related, relatedCapture.Outcome.ToString());
            }
        }

        return capture;
    }

    /// <summary>The tweet whose state a check writes, what it last read of that state, and the claim to release with the write.</summary>
    private sealed record StateScope(string TweetId, LastRead<TweetState> LastRead, string? ClaimId)
    {
        /// <summary>No state was there when the check began: its check log does not exist yet either.</summary>
        public bool IsFirstCheck => LastRead.Stored is null;
    }

    /// <summary>Writes the state through <paramref name="change"/>, first over what the scope read, releasing its claim.</summary>
    private async Task<TweetState> UpdateStateAsync(StateScope scope, Func<TweetState?, TweetState> change, CancellationToken cancellationToken)
    {
        var written = await store.UpdateStateAsync(scope.TweetId, current =>
        {
            var next = change(current);
            return scope.ClaimId is not null && next.ClaimId == scope.ClaimId ? next with { ClaimId = null, ClaimedUntil = null } : next;
        }, cancellationToken, scope.LastRead);
        return written.Value;
    }

    private static IEnumerable<string> Related(TweetData tweet) =>
        new[] { tweet.QuotedTweetId ?? tweet.QuotedTweet?.Id, tweet.ParentTweetId ?? tweet.Parent?.Id }
            .OfType<string>()
            .Where(id => id != tweet.Id)
            .Distinct();

    /// <summary>Edit ids newer than this tweet: the newest version of an edited tweet is archived as its own tweet.</summary>
    private static IEnumerable<string> NewerEdits(TweetData tweet) =>
        (tweet.Edits?.EditTweetIds ?? []).Where(id => IsNewer(id, tweet.Id)).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal).TakeLast(1);

    private static bool IsNewer(string id, string than) =>
        id.Length != than.Length ? id.Length > than.Length : string.CompareOrdinal(id, than) > 0;

    private async Task<TweetCapture> SaveAsync(StateScope scope, FetchReport report, TweetData tweet, CancellationToken cancellationToken)
    {
        var tweetId = scope.TweetId;
        var capturedAt = time.GetUtcNow();
        var sources = await tweetFiles.SaveEvidenceAsync(report.Outcomes, cancellationToken);
        var (files, missing, transient) = await tweetFiles.SaveAsync(tweet, cancellationToken);
        if (transient is not null)
        {
            return await RecordFailureAsync(scope, report, cancellationToken, transient);
        }

        ProgressScope.Report(new ProgressStep { Step = "storing", Subject = tweetId });

        var contentHash = ContentHash(tweet, files);
        var previous = scope.LastRead.Stored?.Value;
        var version = previous?.Latest is { } latest && latest.ContentHash == contentHash ? null : BlobNames.Version(capturedAt);
        var found = report.Outcomes.OfType<TweetFound>().First();
        if (version is not null)
        {
            await store.WriteSnapshotAsync(new Snapshot
            {
                TweetId = tweetId,
                Version = version,
                CapturedAt = capturedAt,
                ArchiverVersion = ArchiverVersion,
                ContentHash = contentHash,
                TweetSource = report.SuppliedBy.TryGetValue("tweet", out var source) ? source : found.Source,
                Tweet = tweet,
                EmbedHtml = report.EmbedHtml,
                CreatedAtWarning = CreatedAtWarning(tweet),
                Files = files,
                Missing = missing,
                Sources = sources,
            }, cancellationToken);
        }

        TweetStatus? before = null;
        var state = await UpdateStateAsync(scope, current =>
        {
            before = current?.Status;
            var versions = current?.Versions ?? [];
            var newVersion = version is not null && versions.All(v => v.ContentHash != contentHash);
            if (newVersion)
            {
                versions = [.. versions, new TweetVersion { Version = version!, CapturedAt = capturedAt, ContentHash = contentHash, Blob = BlobNames.Snapshot(tweetId, version!) }];
            }

            var status = StatusPolicy.OnFound(current);
            var changed = current?.Status != status;
            var (next, index) = StatusPolicy.NextCheck(current, changed || newVersion, capturedAt, recheck.Value);
            return (current ?? New(tweetId, capturedAt)) with
            {
                ScreenName = tweet.Author?.ScreenName ?? current?.ScreenName,
                Status = status,
                Reason = null,
                Suspect = null,
                LastArchivedAt = capturedAt,
                LastCheckedAt = capturedAt,
                NextCheckAt = next,
                IntervalIndex = index,
                Versions = versions,
                LastCounts = tweet.Counts,
                LastError = null,
                ChangedAt = changed ? capturedAt : current?.ChangedAt,
                History = changed ? [.. current?.History ?? [], Change(capturedAt, status, null, found)] : current!.History,
                Related = [.. (current?.Related ?? []).Union(Related(tweet))],
                EditChain = EditChain(current, tweet),
            };
        }, cancellationToken);

        var wroteVersion = version is not null && state.Latest?.Version == version;
        await checkLog.AppendAsync(tweetId, new CheckEntry
        {
            At = capturedAt, Result = "found", Source = found.Source, HttpStatus = found.Evidence[^1].Status,
            Counts = tweet.Counts, ContentHash = contentHash, NewVersion = wroteVersion ? version : null,
        }, scope.IsFirstCheck, cancellationToken);
        Publish(tweetId, before, state, wroteVersion ? version : null);
        return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Archived, Version = state.Latest?.Version, NewVersion = wroteVersion };
    }

    private async Task<TweetCapture> RecordUnavailableAsync(StateScope scope, FetchReport report, Unavailability reason, CancellationToken cancellationToken)
    {
        var tweetId = scope.TweetId;
        var at = time.GetUtcNow();
        await tweetFiles.SaveEvidenceAsync(report.Outcomes, cancellationToken);
        var answers = report.Outcomes.OfType<TweetUnavailable>().ToArray();
        var answer = answers.First(u => u.Reason == reason);
        // Corroborated: a second source agrees, or no other source gave any usable answer.
        var corroborated = answers.Select(a => a.Source).Distinct().Count() >= 2 || report.Outcomes.Count(o => o is not SourceFailed) == 1;

        TweetStatus? before = null;
        var state = await UpdateStateAsync(scope, current =>
        {
            before = current?.Status;
            var (status, suspect) = StatusPolicy.OnUnavailable(current, reason, corroborated, at, recheck.Value);
            var changed = current?.Status != status;
            var counted = suspect is not null && suspect.Checks != current?.Suspect?.Checks;
            // While suspect, the next check comes after the confirmation spacing; once concluded, the usual cadence.
            var (next, index) = suspect is null ? StatusPolicy.NextCheck(current, changed, at, recheck.Value) : (at + recheck.Value.ConfirmSpacing, 0);
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
    private async Task<TweetCapture> RecordFailureAsync(StateScope scope, FetchReport report, CancellationToken cancellationToken, string? error = null)
    {
        var tweetId = scope.TweetId;
        var at = time.GetUtcNow();
        error ??= string.Join("; ", report.Outcomes.OfType<SourceFailed>().Select(f => $"{f.Source}: {f.Error}"));
        await UpdateStateAsync(scope, state => (state ?? New(tweetId, at)) with
        {
            LastError = error,
            LastCheckedAt = at,
            NextCheckAt = at + recheck.Value.ConfirmSpacing,
        }, cancellationToken);
        await checkLog.AppendAsync(tweetId, new CheckEntry { At = at, Result = "failed", Error = error }, scope.IsFirstCheck, cancellationToken);
        return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Pending, Error = error };
    }

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
            notifier.Publish(new ChangeEvent { Type = "status_changed", TweetId = tweetId, Status = state.Status, PreviousStatus = before, At = at, Tweet = $"/api/tweets/{tweetId}" });
        }

        if (newVersion is not null && state.Versions.Count > 1)
        {
            notifier.Publish(new ChangeEvent { Type = "new_version", TweetId = tweetId, Status = state.Status, Version = newVersion, At = at, Tweet = $"/api/tweets/{tweetId}" });
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

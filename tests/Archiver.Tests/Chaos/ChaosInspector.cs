using System.Collections.Concurrent;
using System.Security.Cryptography;
using Archiver.Archive;
using Archiver.Tests.Fakes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Archiver.Tests.Chaos;

/// <summary>
/// Reads what the archive holds (states, snapshots, stored bytes, the blob listing) and judges it against the upstream's
/// truth, the <see cref="FakeCorpus"/>: the four rules of issue 11 and, once changes were made, whether each was
/// recorded exactly once.
/// </summary>
public sealed class ChaosInspector(ArchiveStore store, BlobContainerClient container, FakeCorpus corpus)
{
    private static readonly HashSet<TweetStatus> Seen = [TweetStatus.Available, TweetStatus.Pending];

    private readonly ConcurrentDictionary<string, string> storedHashes = new(StringComparer.Ordinal);

    public async Task<ChaosAudit> AuditAsync(IReadOnlyList<string> ids, ChaosChanges? changes, CancellationToken cancellationToken)
    {
        var falseVersions = new List<string>();
        var lacksMedia = new List<string>();
        var falseGone = new List<string>();
        var recorded = new List<string>();
        var missed = new List<string>();
        var states = new Dictionary<string, TweetState>(StringComparer.Ordinal);
        var versions = 0;
        var falseVersionCount = 0;
        foreach (var id in ids)
        {
            if (await store.ReadStateAsync(id, cancellationToken) is not { } stored)
            {
                lacksMedia.Add($"tweet {id}: not in the archive at all");
                continue;
            }

            var state = stored.Value;
            states[id] = state;
            versions += state.Versions.Count;
            var expected = changes?.ExpectedVersions(id) ?? 1;
            if (state.Versions.Count > expected)
            {
                falseVersionCount += state.Versions.Count - expected;
                falseVersions.Add($"tweet {id} ({Kind(id)}): {state.Versions.Count} versions where the upstream made {expected}: {await DescribeVersionsAsync(state, cancellationToken)}");
            }

            if (state.Latest is null)
            {
                lacksMedia.Add($"tweet {id} ({Kind(id)}): no version at all; status {state.Status}, last error: {state.LastError}");
            }
            else
            {
                lacksMedia.AddRange(await CompareLatestAsync(state, cancellationToken));
            }

            if (id != changes?.DeletedId && (!Seen.Contains(state.Status) || state.History.Any(h => !Seen.Contains(h.Status))))
            {
                falseGone.Add($"tweet {id} ({Kind(id)}): status {state.Status}, history {Describe(state.History)}");
            }
        }

        if (changes is not null)
        {
            Judge(changes, states, recorded, missed);
            await JudgeEditTextAsync(changes, states, recorded, missed, cancellationToken);
        }

        return new ChaosAudit
        {
            Versions = versions,
            FalseVersions = falseVersions,
            FalseVersionCount = falseVersionCount,
            LacksMedia = lacksMedia,
            FalseGone = falseGone,
            Orphans = await FindOrphansAsync(states, cancellationToken),
            ChangesRecorded = recorded,
            ChangesMissed = missed,
        };
    }

    /// <summary>The photo removal and the deletion, each recorded exactly once; the edit's chain linked both ways.</summary>
    private static void Judge(ChaosChanges changes, Dictionary<string, TweetState> states, List<string> recorded, List<string> missed)
    {
        if (states.TryGetValue(changes.PhotoRemovedId, out var removed) && removed.Versions.Count == 2)
        {
            recorded.Add($"photo removed from {changes.PhotoRemovedId}: one new version");
        }
        else
        {
            missed.Add($"photo removed from {changes.PhotoRemovedId}: {removed?.Versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} versions where 2 were expected");
        }

        if (states.TryGetValue(changes.DeletedId, out var deleted) && deleted.Status == TweetStatus.Deleted && deleted.History.Count(h => h.Status == TweetStatus.Deleted) == 1)
        {
            recorded.Add($"deletion of {changes.DeletedId}: status deleted, one history entry");
        }
        else
        {
            missed.Add($"deletion of {changes.DeletedId}: status {deleted?.Status}, history {Describe(deleted?.History ?? [])}");
        }
    }

    private async Task JudgeEditTextAsync(ChaosChanges changes, Dictionary<string, TweetState> states, List<string> recorded, List<string> missed, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!states.TryGetValue(changes.EditId, out var edit) || edit.Latest is null)
        {
            problems.Add("the new edit is not archived");
        }
        else
        {
            if (edit.Versions.Count != 1)
            {
                problems.Add($"the new edit has {edit.Versions.Count} versions");
            }

            var snapshot = await store.ReadSnapshotAsync(changes.EditId, edit.Latest.Version, cancellationToken);
            if (snapshot?.Tweet.Text != changes.EditText)
            {
                problems.Add($"the new edit's text is '{snapshot?.Tweet.Text}'");
            }

            if (!edit.EditChain.SequenceEqual([changes.EditedId, changes.EditId]))
            {
                problems.Add($"the new edit's chain is [{string.Join(", ", edit.EditChain)}]");
            }
        }

        if (!states.TryGetValue(changes.EditedId, out var original) || !original.EditChain.SequenceEqual([changes.EditedId, changes.EditId]))
        {
            problems.Add($"the original's chain is [{string.Join(", ", original?.EditChain ?? [])}]");
        }

        if (original is not null && original.Versions.Count != 2)
        {
            problems.Add($"the original has {original.Versions.Count} versions, not one more for its longer chain");
        }

        (problems.Count == 0 ? recorded : missed).Add(problems.Count == 0
            ? $"edit of {changes.EditedId}: {changes.EditId} archived once, one new version of the original, chain linked both ways"
            : $"edit of {changes.EditedId} as {changes.EditId}: {string.Join("; ", problems)}");
    }

    /// <summary>The latest version against the upstream: every file it serves, with its bytes, and no media it no longer lists.</summary>
    private async Task<IEnumerable<string>> CompareLatestAsync(TweetState state, CancellationToken cancellationToken)
    {
        var id = state.TweetId;
        var latest = state.Latest!;
        var snapshot = await store.ReadSnapshotAsync(id, latest.Version, cancellationToken);
        if (snapshot is null)
        {
            return [$"tweet {id} ({Kind(id)}): latest version {latest.Version} has no snapshot blob"];
        }

        var problems = new List<string>();
        var expected = corpus.ExpectedFiles(id);
        foreach (var want in expected)
        {
            var file = snapshot.Files.FirstOrDefault(f => f.Role == want.Role && f.Index == want.Index);
            var name = $"{want.Role}{(want.Index is { } i ? $"[{i}]" : "")}";
            if (file is null)
            {
                var reason = snapshot.Missing.FirstOrDefault(m => m.Role == want.Role && m.Index == want.Index)?.Reason ?? "not listed as missing either";
                problems.Add($"{name} {want.Url} absent ({reason})");
            }
            else if (file.Sha256 != want.Sha256)
            {
                problems.Add($"{name} has SHA-256 {file.Sha256[..12]}…, the upstream's is {want.Sha256[..12]}…");
            }
            else if (await StoredHashAsync(file.Blob, cancellationToken) is var stored && stored != want.Sha256)
            {
                problems.Add($"{name}: the blob {file.Blob} holds bytes with SHA-256 {stored}");
            }
        }

        var extra = snapshot.Files.Where(f => f.Role == "media" && !expected.Any(e => e.Role == f.Role && e.Index == f.Index));
        problems.AddRange(extra.Select(f => $"media[{f.Index}] {f.SourceUrl} is no longer listed upstream"));
        return problems.Count == 0 ? [] : [$"tweet {id} ({Kind(id)}): latest version {latest.Version} (from {snapshot.TweetSource}): {string.Join("; ", problems)}"];
    }

    private async Task<string> StoredHashAsync(string blob, CancellationToken cancellationToken)
    {
        if (storedHashes.TryGetValue(blob, out var known))
        {
            return known;
        }

        try
        {
            var content = await container.GetBlobClient(blob).DownloadContentAsync(cancellationToken);
            return storedHashes[blob] = Convert.ToHexStringLower(SHA256.HashData(content.Value.Content.ToMemory().Span));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return "(no such blob)";
        }
    }

    /// <summary>
    /// Snapshot blobs under <c>tweets/{id}/snapshots/</c> that no state lists, versions whose blob is gone, and
    /// snapshots a state still holds as pending.
    /// </summary>
    private async Task<IReadOnlyList<string>> FindOrphansAsync(Dictionary<string, TweetState> states, CancellationToken cancellationToken)
    {
        var orphans = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, "tweets/", cancellationToken))
        {
            var parts = blob.Name.Split('/');
            if (parts is not ["tweets", var id, "snapshots", _])
            {
                continue;
            }

            names.Add(blob.Name);
            var state = states.TryGetValue(id, out var known) ? known : (await store.ReadStateAsync(id, cancellationToken))?.Value;
            if (state is null || !Referenced(state).Contains(blob.Name))
            {
                orphans.Add($"{blob.Name}: not referenced by tweets/{id}/state.json ({state?.Versions.Count ?? 0} versions)");
            }
        }

        orphans.AddRange(states.Values.SelectMany(Referenced).Where(name => !names.Contains(name)).Select(name => $"{name}: referenced, but not stored"));
        // A snapshot still pending when the run is over was left half-recorded: its writer neither listed it nor gave it up.
        orphans.AddRange(states.Values.SelectMany(s => s.PendingSnapshots ?? []).Select(p => $"{p.Blob}: still pending since {p.Since:O}{(names.Contains(p.Blob) ? "" : " (no blob)")}"));
        return orphans;
    }

    /// <summary>The snapshot blobs a state refers to: each version's, and the partial captures each version completes.</summary>
    private static IEnumerable<string> Referenced(TweetState state) =>
        state.Versions.SelectMany(v => v.Captures.Select(c => BlobNames.Snapshot(state.TweetId, c)).Append(v.Blob));

    private async Task<string> DescribeVersionsAsync(TweetState state, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var version in state.Versions)
        {
            var snapshot = await store.ReadSnapshotAsync(state.TweetId, version.Version, cancellationToken);
            parts.Add(snapshot is null
                ? $"{version.Version} (no blob)"
                : $"{version.Version} from {snapshot.TweetSource}, {snapshot.Tweet.Media.Count} media listed, {snapshot.Files.Count(f => f.Role == "media")} media stored, {snapshot.Missing.Count} missing, text \"{Shorten(snapshot.Tweet.Text)}\"");
        }

        return string.Join(" | ", parts);
    }

    private static string Describe(IEnumerable<StatusChange> history) =>
        $"[{string.Join(", ", history.Select(h => $"{h.Status}{(h.Reason is { } r ? $"/{r}" : "")} via {h.Source} {h.HttpStatus}"))}]";

    /// <summary>What media the tweet has upstream, for the reader of a failure.</summary>
    private string Kind(string id)
    {
        var tweet = corpus[id];
        var parts = new List<string>();
        if (tweet.Photos.Count > 0)
        {
            parts.Add(tweet.Photos.Count == 1 ? "photo" : $"{tweet.Photos.Count} photos");
        }

        if (tweet.Video is { } video)
        {
            parts.Add(video.Gif ? "GIF" : "video");
        }

        return string.Join(" + ", parts);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 32 ? text : text[..32] + "…";
}

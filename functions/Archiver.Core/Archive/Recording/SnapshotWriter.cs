using Archiver.Evidence;

namespace Archiver.Archive;

/// <summary>
/// Writes snapshot blobs so that none is ever left unreferenced: the state names the snapshot as pending
/// (<see cref="TweetState.PendingSnapshots"/>, an ETag-conditional write) before its blob is written, and the
/// recording's last state write moves it to the versions. A writer that dies in between leaves the blob, if any,
/// named in the state; once the entry is older than <see cref="PendingLifetime"/>, a later recording of the tweet
/// gives it up (<see cref="ResolveStaleAsync"/>). A writer that finds its entry given up deletes its own blob.
/// </summary>
internal sealed class SnapshotWriter(ArchiveStore store, TimeProvider time)
{
    /// <summary>
    /// How long a snapshot stays pending before it counts as abandoned: as long as a re-check's claim can hold at most
    /// (<c>Archiver__Recheck__ClaimLifetime</c> allows 15 min), a time the schedule already takes as longer than any
    /// check. Between the two state writes there is only the snapshot's upload and its timestamp marker.
    /// </summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Whether <paramref name="version"/> is pending in <paramref name="state"/> and not given up: its writer may still list it.</summary>
    public static bool IsPending(TweetState? state, string version) =>
        state?.PendingSnapshots?.Any(p => p.Version == version && p.AbandonedAt is null) == true;

    /// <summary>The pending entries without <paramref name="versions"/>; null when none is left.</summary>
    public static IReadOnlyList<PendingSnapshot>? Without(IReadOnlyList<PendingSnapshot>? pending, IReadOnlyCollection<string> versions) =>
        pending?.Where(p => !versions.Contains(p.Version)).ToArray() is { Length: > 0 } left ? left : null;

    /// <summary>
    /// The state due for a check no later than its oldest pending snapshot goes stale, so that a snapshot whose writer
    /// died is given up soon, whatever the re-check cadence says.
    /// </summary>
    public static TweetState DueWhenStale(TweetState state) =>
        state.PendingSnapshots is { Count: > 0 } pending && pending.Min(p => p.Since) + PendingLifetime is var stale && !(state.NextCheckAt <= stale)
            ? state with { NextCheckAt = stale }
            : state;

    /// <summary>
    /// Names <paramref name="snapshot"/> in the state as pending (over what the scope read; a claim is kept), then
    /// writes its blob under that name; returns the scope as that write left it and the name. The name is the capture
    /// instant, moved on past every name the state holds (versions, their captures, pending entries) and any blob found
    /// already there.
    /// </summary>
    public async Task<(StateScope Scope, string Version)> WriteAsync(StateScope scope, Snapshot snapshot, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var since = time.GetUtcNow();
            var version = "";
            var reserved = await store.UpdateStateAsync(scope.TweetId, current =>
            {
                var taken = (current?.Versions.SelectMany(v => v.AllSnapshots) ?? [])
                    .Concat(current?.PendingSnapshots?.Select(p => p.Version) ?? [])
                    .Concat(found)
                    .ToHashSet(StringComparer.Ordinal);
                var named = snapshot.CapturedAt;
                while (taken.Contains(BlobNames.Version(named)))
                {
                    named += TimeSpan.FromMilliseconds(1);
                }

                version = BlobNames.Version(named);
                var state = current ?? new TweetState { TweetId = scope.TweetId, Status = TweetStatus.Pending, FirstSeenAt = snapshot.CapturedAt };
                var entry = new PendingSnapshot { Version = version, Blob = BlobNames.Snapshot(scope.TweetId, version), Since = since };
                // A name taken by a blob already there is not ours to keep pending: it leaves the list with this write.
                return DueWhenStale(state with { PendingSnapshots = [.. Without(state.PendingSnapshots, found) ?? [], entry] });
            }, cancellationToken, scope.LastRead);
            scope = scope with { LastRead = new LastRead<TweetState>(reserved) };
            if (await store.TryWriteSnapshotAsync(snapshot with { Version = version }, cancellationToken))
            {
                return (scope, version);
            }

            if (attempt == 8)
            {
                throw new InvalidOperationException($"No free snapshot name for tweet {scope.TweetId} near {version}.");
            }

            found.Add(version);
        }
    }

    /// <summary>
    /// Gives up the scope's pending snapshots older than <see cref="PendingLifetime"/> (their writer died or stalled),
    /// and those given up before: marks them abandoned in the state, so their writer can no longer list them, deletes
    /// their blobs (the capture was never recorded, nothing reported it; the next check captures the tweet again) and
    /// timestamp marker, then drops them from the state. A crash at any step leaves them to the next recording.
    /// Nothing is written when none is stale; returns the scope as the writes left it.
    /// </summary>
    public async Task<StateScope> ResolveStaleAsync(StateScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = scope.Current?.PendingSnapshots?.Where(p => p.AbandonedAt is not null || now - p.Since >= PendingLifetime).Select(p => p.Version).ToHashSet(StringComparer.Ordinal);
        if (stale is not { Count: > 0 })
        {
            return scope;
        }

        var marked = await store.UpdateStateAsync(scope.TweetId, current =>
        {
            var state = Existing(current, scope.TweetId);
            return state with { PendingSnapshots = state.PendingSnapshots?.Select(p => stale.Contains(p.Version) ? p with { AbandonedAt = p.AbandonedAt ?? now } : p).ToArray() };
        }, cancellationToken, scope.LastRead);
        // Only those still pending when the mark was written: one listed meanwhile by its writer is a version now.
        var abandoned = marked.Value.PendingSnapshots?.Where(p => p.AbandonedAt is not null).Select(p => p.Version).ToHashSet(StringComparer.Ordinal) ?? [];
        if (abandoned.Count == 0)
        {
            return scope with { LastRead = new LastRead<TweetState>(marked) };
        }

        foreach (var version in abandoned)
        {
            await DiscardAsync(scope.TweetId, version, cancellationToken);
        }

        var dropped = await store.UpdateStateAsync(scope.TweetId, current =>
        {
            var state = Existing(current, scope.TweetId);
            return state with { PendingSnapshots = Without(state.PendingSnapshots, abandoned) };
        }, cancellationToken, new LastRead<TweetState>(marked));
        return scope with { LastRead = new LastRead<TweetState>(dropped) };
    }

    /// <summary>Deletes a snapshot that is not listed, and what may have been written for it: its timestamp marker and token.</summary>
    public async Task DiscardAsync(string tweetId, string version, CancellationToken cancellationToken)
    {
        await store.DeleteIfExistsAsync(BlobNames.Snapshot(tweetId, version), cancellationToken);
        await store.DeleteIfExistsAsync(BlobNames.TimestampPending(tweetId, version), cancellationToken);
        await store.DeleteIfExistsAsync(BlobNames.Timestamp(tweetId, version), cancellationToken);
    }

    private static TweetState Existing(TweetState? state, string tweetId) =>
        state ?? throw new InvalidOperationException($"Tweet {tweetId} has no state.");
}

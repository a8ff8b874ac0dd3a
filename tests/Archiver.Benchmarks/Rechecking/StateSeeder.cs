using System.Diagnostics;
using System.Globalization;
using Archiver.Archive;

namespace Archiver.Benchmarks.Rechecking;

/// <summary>
/// Fills an archive with the state blobs of archived tweets (<c>tweets/{id}/state.json</c>, written through
/// <see cref="ArchiveStore.WriteStateAsync"/>, so each carries the <c>dueAt</c>, <c>status</c> and <c>changedAt</c> tags
/// Core writes), a bounded number at a time. Every fortieth tweet of the first 4,000 is due now, most overdue first
/// (the same ids in every archive of at least that size); all others are due weeks from now. The due ones sit among
/// the first names on purpose: Azurite (3.35 to 3.37) answers a tag query from the container's first 5,000 blobs by
/// name only and returns no continuation, where Azure pages through the whole index; the benchmark runs the service's
/// index (<c>Archiver:Storage:TagQueries=Index</c>) to measure Azure's path, which the app does not take on Azurite.
/// </summary>
internal static class StateSeeder
{
    private const long FirstId = 1_600_000_000_000_000_000;
    private const int DueStride = 40;

    public static string TweetId(int n) => (FirstId + (n * 4_194_304L)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="size"/> states, <paramref name="due"/> of them due at <paramref name="now"/>; returns the time taken.</summary>
    public static async Task<TimeSpan> SeedAsync(ArchiveStore store, int size, int due, int parallelism, DateTimeOffset now, string label, CancellationToken cancellationToken)
    {
        var stride = Math.Min(DueStride, size / due);
        var written = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (n, token) =>
        {
            var isDue = n % stride == 0 && n / stride < due;
            var nextCheck = isDue ? now - TimeSpan.FromMinutes(1 + (n / stride)) : now + TimeSpan.FromDays(30) + TimeSpan.FromSeconds(n);
            await store.WriteStateAsync(State(TweetId(n), now, nextCheck), etag: null, token);
            var count = Interlocked.Increment(ref written);
            if (count % Math.Max(1, size / 10) == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeding {label}: {count:N0}/{size:N0} after {clock.Elapsed.TotalSeconds:0} s ({count / clock.Elapsed.TotalSeconds:0}/s)"));
            }
        });
        return clock.Elapsed;
    }

    /// <summary>An available tweet captured 90 days ago, with one version, next checked at <paramref name="nextCheck"/>.</summary>
    private static TweetState State(string id, DateTimeOffset now, DateTimeOffset nextCheck)
    {
        var captured = now - TimeSpan.FromDays(90);
        var version = BlobNames.Version(captured);
        return new TweetState
        {
            TweetId = id,
            ScreenName = "harbour_desk",
            Status = TweetStatus.Available,
            FirstSeenAt = captured,
            LastArchivedAt = captured,
            LastCheckedAt = now - TimeSpan.FromDays(30),
            NextCheckAt = nextCheck,
            IntervalIndex = 4,
            ChangedAt = captured,
            Versions = [new TweetVersion { Version = version, CapturedAt = captured, ContentHash = new string('a', 64), Blob = BlobNames.Snapshot(id, version) }],
            History = [new StatusChange { At = captured, Status = TweetStatus.Available, Source = "syndication", HttpStatus = 200 }],
        };
    }
}

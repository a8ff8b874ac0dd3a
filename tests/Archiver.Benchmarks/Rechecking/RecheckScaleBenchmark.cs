using System.Diagnostics;
using System.Globalization;
using Archiver.Archive;
using Archiver.Benchmarks.Archiving;
using Archiver.Recheck;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Archiver.Benchmarks.Rechecking;

/// <summary>
/// The <c>recheck-scale</c> verb: archives (containers) of different sizes with the same tweets due, and for each the
/// storage requests and time of the due-tweet lookup (<see cref="DueIndex.FindDueAsync"/> as <see cref="RecheckRun"/>
/// calls it) and of a whole <see cref="RecheckRun.RunAsync"/> against a fake upstream that answers 404 at once,
/// printed side by side. Finding the due tweets should cost the same whatever the archive's size.
/// </summary>
public static class RecheckScaleBenchmark
{
    public const string Usage = "recheck-scale [--sizes 10000,100000] [--due 100] [--seed-parallelism 32]";

    private static readonly Dictionary<string, (long, long)> Options = new(StringComparer.Ordinal)
    {
        ["--sizes"] = (1, 2_000_000),
        ["--due"] = (1, 10_000),
        ["--seed-parallelism"] = (1, 256),
    };

    /// <summary>How much the larger archive's requests may exceed the smaller's and still be "the same order".</summary>
    private const double SameOrder = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchmarkArguments.TryParse(Usage, args, Options, ["--sizes"], out var arguments, out var error))
        {
            Console.Error.WriteLine($"recheck-scale: {error}");
            return 2;
        }

        var sizes = arguments.GetList("--sizes", [10_000, 100_000]).Select(s => (int)s).ToArray();
        var due = (int)arguments.Get("--due", 100);
        var parallelism = (int)arguments.Get("--seed-parallelism", 32);
        if (sizes.Any(size => size < due))
        {
            Console.Error.WriteLine(Invariant($"recheck-scale: every size must hold the {due} due tweets."));
            return 2;
        }

        // Azurite in memory finds a blob by scanning all of them (three quarters of its time goes to that scan when
        // profiled), so each write is slower than the last: filling 100,000 states takes it about three hours on
        // 2 cores; the measured run itself takes minutes.
        return await BenchmarkRun.WithCancellationAsync("recheck-scale", TimeSpan.FromHours(6), token => MeasureAsync(sizes, due, parallelism, token));
    }

    private static async Task<int> MeasureAsync(int[] sizes, int due, int parallelism, CancellationToken token)
    {
        Console.WriteLine("starting the fake upstream (it knows no tweet: 404 for each)…");
        await using var fake = await FakeUpstream.StartAsync(token);
        var archives = new List<Archive>();
        var now = TimeProvider.System.GetUtcNow();
        foreach (var size in sizes)
        {
            // Each archive in an Azurite of its own: Azurite's cost per request grows with every blob it holds, so a
            // shared one would charge the larger archive's blobs to the smaller archive's lookup.
            Console.WriteLine(Invariant($"starting Azurite (in memory) for the archive of {size:N0} tweets…"));
            await using var azurite = new AzuriteFixture();
            await azurite.InitializeAsync();
            await using var host = await CoreHost.StartAsync(azurite.ConnectionString, fake.Settings(new Dictionary<string, string?>
            {
                [$"{StorageOptions.Section}:Container"] = Invariant($"bench-recheck-{size}"),

                // The service's tag index, as on Azure: what this benchmark measures. On Azurite the app would list instead.
                [$"{StorageOptions.Section}:TagQueries"] = nameof(TagQueryMode.Index),
            }), token);
            var seeding = await StateSeeder.SeedAsync(host.Store, size, due, parallelism, now, Invariant($"{size:N0} tweets"), token);
            archives.Add(await MeasureArchiveAsync(new Archive(size) { Seeding = seeding }, host, fake, token));
        }

        Print(archives, due, parallelism);
        var smallest = archives.MinBy(a => a.Size)!;
        var largest = archives.MaxBy(a => a.Size)!;
        return archives.All(a => a.Found == due) && largest.Run.Total <= smallest.Run.Total * SameOrder ? 0 : 1;
    }

    private static async Task<Archive> MeasureArchiveAsync(Archive archive, CoreHost host, FakeUpstream fake, CancellationToken cancellationToken)
    {
        var index = host.Get<DueIndex>();
        // RecheckRun looks at MaxPerRun × 4 due entries to pick the most overdue.
        var window = host.Get<IOptions<RecheckOptions>>().Value.MaxPerRun * 4;
        Console.WriteLine(Invariant($"measuring the archive of {archive.Size:N0} tweets…"));
        await CountDueAsync(index, window, cancellationToken);

        var before = host.Storage.Snapshot();
        var clock = Stopwatch.StartNew();
        var found = await CountDueAsync(index, window, cancellationToken);
        var lookupTime = clock.Elapsed;
        var lookup = host.Storage.Snapshot().Since(before);

        before = host.Storage.Snapshot();
        var upstreamBefore = fake.Requests.Count;
        clock.Restart();
        var summary = await host.Get<RecheckRun>().RunAsync(budget: null, cancellationToken);
        var runTime = clock.Elapsed;
        var run = host.Storage.Snapshot().Since(before);
        return archive with
        {
            Found = found,
            Lookup = lookup,
            LookupTime = lookupTime,
            Run = run,
            RunTime = runTime,
            Summary = summary,
            UpstreamRequests = fake.Requests.Count - upstreamBefore,
        };
    }

    private static async Task<int> CountDueAsync(DueIndex index, int window, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in index.FindDueAsync(TimeProvider.System.GetUtcNow(), window, cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static void Print(IReadOnlyList<Archive> archives, int due, int parallelism)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"recheck-scale: archives of {string.Join(" and ", archives.Select(a => Invariant($"{a.Size:N0}")))} tweets' state blobs, the same {due} due now, the rest due in 30+ days"));
        Console.WriteLine(Invariant($"each archive in an Azurite of its own, in memory; fake upstream answers 404 at once; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine();
        Console.WriteLine("| | " + string.Join(" | ", archives.Select(a => Invariant($"{a.Size:N0} tweets"))) + " |");
        Console.WriteLine("| --- |" + string.Concat(archives.Select(_ => " ---: |")));
        Row(Invariant($"seeding: time ({parallelism} writes at a time)"), a => Seconds(a.Seeding));
        Row("seeding: state blobs written per second", a => Invariant($"{a.Size / a.Seeding.TotalSeconds:N0}"));
        Row("due-tweet lookup (DueIndex.FindDueAsync): due found", a => Invariant($"{a.Found}"));
        Row("due-tweet lookup: storage requests", a => Invariant($"{a.Lookup.Total}"));
        Row("due-tweet lookup: time (after one untimed lookup)", a => Invariant($"{a.LookupTime.TotalMilliseconds:0} ms"));
        Row("RecheckRun.RunAsync: storage requests", a => Invariant($"{a.Run.Total}"));
        Row("RecheckRun.RunAsync: storage requests per due tweet", a => Invariant($"{(double)a.Run.Total / Math.Max(1, a.Found):0.0}"));
        Row("RecheckRun.RunAsync: time", a => Seconds(a.RunTime));
        Row("RecheckRun.RunAsync: upstream requests", a => Invariant($"{a.UpstreamRequests}"));
        Row("RecheckRun.RunAsync: checked / unavailable / failed", a => Invariant($"{a.Summary!.Checked} / {a.Summary.Unavailable} / {a.Summary.Failed}"));
        Console.WriteLine();
        foreach (var archive in archives)
        {
            Console.WriteLine(Invariant($"{archive.Size:N0} tweets, lookup: {archive.Lookup.Breakdown()}"));
            Console.WriteLine(Invariant($"{archive.Size:N0} tweets, run: {archive.Run.Breakdown()}"));
            Console.WriteLine(Invariant($"{archive.Size:N0} tweets, run summary: {archive.Summary}"));
        }

        Console.WriteLine();
        Console.WriteLine("""
            Times are Azurite's: its in-memory store finds a blob by scanning the account's blobs and answers a tag query by
            scanning the container (Azure keeps an index for both), so each request costs more the more blobs Azurite holds,
            and seeding slows down as it goes. The request counts are what Archiver decides.
            """);
        var smallest = archives.MinBy(a => a.Size)!;
        var largest = archives.MaxBy(a => a.Size)!;
        if (largest != smallest)
        {
            var ratio = (double)largest.Run.Total / Math.Max(1, smallest.Run.Total);
            Console.WriteLine();
            Console.WriteLine(Invariant(
                $"storage requests of a run, {largest.Size:N0} ÷ {smallest.Size:N0} tweets: {ratio:0.00}x for {(double)largest.Size / smallest.Size:0}x the archive (target: the same order, ≤ {SameOrder:0}x): {(ratio <= SameOrder && archives.All(a => a.Found == due) ? "met" : "NOT met")}"));
        }

        void Row(string label, Func<Archive, string> value) =>
            Console.WriteLine($"| {label} | " + string.Join(" | ", archives.Select(value)) + " |");
    }

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One archive and what was measured on it.</summary>
    private sealed record Archive(int Size)
    {
        public TimeSpan Seeding { get; init; }

        public int Found { get; init; }

        public StorageRequests Lookup { get; init; } = new(new Dictionary<string, int>(), 0);

        public TimeSpan LookupTime { get; init; }

        public StorageRequests Run { get; init; } = new(new Dictionary<string, int>(), 0);

        public TimeSpan RunTime { get; init; }

        public RecheckSummary? Summary { get; init; }

        public int UpstreamRequests { get; init; }
    }
}

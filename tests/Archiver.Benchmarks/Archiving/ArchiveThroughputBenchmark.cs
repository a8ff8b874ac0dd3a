using System.Diagnostics;
using System.Globalization;
using Archiver.Archive;
using Archiver.Citations;
using Archiver.Sources;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// The <c>archive</c> verb: archives tweets (each with a photo and an avatar) through <see cref="SubmissionProcessor"/>,
/// on Azurite in memory and a loopback fake upstream that answers every request after a fixed latency, and compares the
/// wall time with the ideal bound of the upstream's per-host concurrency limits.
/// </summary>
public static class ArchiveThroughputBenchmark
{
    public const string Usage = "archive [--tweets 200] [--latency-ms 50] [--parallelism N] [--concurrency-per-host N]";

    private const double TargetRatio = 1.25;
    private const int WarmUpTweets = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchmarkArguments.TryParse(Usage, args, ["--tweets", "--latency-ms", "--parallelism", "--concurrency-per-host"], [], out var arguments, out var error))
        {
            Console.Error.WriteLine($"archive: {error}");
            return 2;
        }

        var count = (int)Math.Min(arguments.Get("--tweets", 200), 5000);
        var latency = TimeSpan.FromMilliseconds(Math.Min(arguments.Get("--latency-ms", 50), 5000));
        var overrides = new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:Container"] = $"bench-archive-{Guid.NewGuid():n}",
            // The longest budget allowed, so that no citation is left pending for the timer within the measured run.
            [$"{ArchiveOptions.Section}:TimeBudget"] = "00:03:00",
        };
        if (arguments.Find("--parallelism") is { } parallelism)
        {
            overrides[$"{ArchiveOptions.Section}:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
        }

        if (arguments.Find("--concurrency-per-host") is { } concurrency)
        {
            overrides[$"{UpstreamOptions.Section}:MaxConcurrencyPerHost"] = concurrency.ToString(CultureInfo.InvariantCulture);
        }

        return await BenchmarkRun.WithCancellationAsync("archive", TimeSpan.FromMinutes(20), token => MeasureAsync(count, latency, overrides, token));
    }

    private static async Task<int> MeasureAsync(int count, TimeSpan latency, Dictionary<string, string?> overrides, CancellationToken token)
    {
        Console.WriteLine("starting Azurite (in memory) and the fake upstream…");
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var fake = await FakeUpstream.StartAsync(token);
        var upstream = new ThroughputUpstream(fake, latency);
        var warmUp = upstream.AddTweets(0, WarmUpTweets);
        var measured = upstream.AddTweets(WarmUpTweets, count);

        await using var host = await CoreHost.StartAsync(azurite.ConnectionString, fake.Settings(overrides), token);
        var archive = host.Get<IOptions<ArchiveOptions>>().Value;
        var perHost = host.Get<IOptions<UpstreamOptions>>().Value.MaxConcurrencyPerHost;
        var processor = host.Get<SubmissionProcessor>();
        var extractor = host.Get<CitationExtractor>();

        Console.WriteLine(Invariant($"warming up: {WarmUpTweets} other tweets archived the same way, not timed…"));
        var warmUpId = (await processor.SubmitAsync(extractor.Extract(ThroughputUpstream.Article(warmUp), ArticleFormat.Text), refresh: false, token)).Id;

        var citations = extractor.Extract(ThroughputUpstream.Article(measured), ArticleFormat.Text);
        if (citations.Count != count)
        {
            Console.Error.WriteLine(Invariant($"archive: the extractor found {citations.Count} citations in an article citing {count} status URLs."));
            return 1;
        }

        Console.WriteLine(Invariant($"archiving {count} tweets in one submission…"));
        var requestsBefore = fake.Requests.Count;
        var storageBefore = host.Storage.Snapshot();
        var cpu = CpuMeter.Start();
        var clock = Stopwatch.StartNew();
        Submission? submission = null;
        RequestFailedException? failure = null;
        try
        {
            submission = await processor.SubmitAsync(citations, refresh: false, token);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Reported, not hidden: the submission as stored shows how far the run got.
            failure = e;
        }

        clock.Stop();
        var cpuUsed = cpu.Stop();
        var requests = fake.Requests.Skip(requestsBefore).ToList();
        if (Environment.GetEnvironmentVariable("BENCH_TRACE") is { } trace)
        {
            File.AppendAllLines(trace, requests.Select(r => Invariant($"U {(r.At - DateTimeOffset.UnixEpoch).TotalMilliseconds:0.0} 0 {r.Method} 0 {r.Url}")));
        }
        var storage = host.Storage.Snapshot().Since(storageBefore);
        submission ??= await ReadStoredSubmissionAsync(host, warmUpId, token);
        var run = new ThroughputRun(count, latency, archive.Parallelism, perHost, clock.Elapsed, requests, requests.Count(r => !upstream.WasDelayed(r)), storage, cpuUsed);
        Print(run, submission, failure);
        return failure is null && submission.Citations.All(c => c.Outcome == CitationOutcome.Archived) ? 0 : 1;
    }

    /// <summary>The measured submission as stored: the one that is not the warm-up's.</summary>
    private static async Task<Submission> ReadStoredSubmissionAsync(CoreHost host, string warmUpId, CancellationToken cancellationToken)
    {
        await foreach (var blob in host.Get<BlobContainerClient>().GetBlobsAsync(BlobTraits.None, BlobStates.None, "submissions/", cancellationToken))
        {
            var id = blob.Name["submissions/".Length..^".json".Length];
            if (id != warmUpId && await host.Store.ReadSubmissionAsync(id, cancellationToken) is { } stored)
            {
                return stored.Value;
            }
        }

        throw new InvalidOperationException("The measured submission was not stored.");
    }

    private static void Print(ThroughputRun run, Submission submission, RequestFailedException? failure)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"archive: {run.Tweets} tweets, each with 1 photo and its author's avatar, cited by status URL in one submission"));
        Console.WriteLine(Invariant($"fake upstream: every answer after {run.Latency.TotalMilliseconds:0} ms; Azurite in memory; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine(Invariant($"settings: Archiver:Archive:Parallelism = {run.Parallelism}, Archiver:Upstream:MaxConcurrencyPerHost = {run.PerHost}"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"| upstream host | requests | per tweet | most in flight | host bound: requests ÷ {run.PerHost} × {run.Latency.TotalMilliseconds:0} ms |"));
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (hostName, requests) in run.ByHost)
        {
            Console.WriteLine(Invariant($"| {hostName} | {requests} | {(double)requests / run.Tweets:0.00} | {run.MostInFlight(hostName)} | {Seconds(run.HostBound(requests))} |"));
        }

        Console.WriteLine(Invariant($"| all hosts | {run.Requests.Count} | {run.RequestsPerTweet:0.00} | {run.MostInFlight(null)} | sum {Seconds(run.SumBound)} |"));
        Console.WriteLine(Invariant($"(most in flight: the most requests the fake held at once, each counted from its arrival for the {run.Latency.TotalMilliseconds:0} ms it waits)"));
        Console.WriteLine();

        var outcomes = string.Join(", ", submission.Citations.GroupBy(c => c.Outcome).Select(g => Invariant($"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")));
        var ratio = run.Wall / run.MaxBound;
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine(Invariant($"| wall time (SubmitAsync, {run.Tweets} citations) | {Seconds(run.Wall)} |"));
        Console.WriteLine(Invariant($"| ideal bound: max over hosts of requests ÷ concurrency × latency | {Seconds(run.MaxBound)} |"));
        Console.WriteLine(Invariant($"| ratio wall ÷ ideal bound (target ≤ {TargetRatio:0.00}) | {ratio:0.00}x: {(ratio <= TargetRatio ? "met" : "NOT met")} |"));
        Console.WriteLine(Invariant($"| sum over hosts (no two hosts ever busy at once) | {Seconds(run.SumBound)} |"));
        Console.WriteLine(Invariant($"| Parallelism bound: ⌈{run.Tweets} ÷ {run.Parallelism}⌉ × {run.RequestsPerTweet:0.##} requests × {run.Latency.TotalMilliseconds:0} ms | {Seconds(run.ParallelismBound)} |"));
        Console.WriteLine(Invariant($"| outcomes{(failure is null ? "" : " (as stored)")} | {outcomes} |"));
        if (failure is not null)
        {
            Console.WriteLine(Invariant($"| SubmitAsync | threw {failure.Status} {failure.ErrorCode} after {Seconds(run.Wall)} |"));
        }

        Console.WriteLine(Invariant($"| upstream requests answered without the latency | {run.Undelayed} |"));
        Console.WriteLine(Invariant($"| storage requests (per tweet) | {run.Storage.Total} ({(double)run.Storage.Total / run.Tweets:0.0}) |"));
        Console.WriteLine(Invariant($"| storage answers 409/412 (already there, lost races) | {run.Storage.Conflicts} |"));
        Console.WriteLine(Invariant($"| storage time, summed over requests (per tweet) | {Seconds(run.Storage.TotalTime)} ({run.Storage.TotalTime.TotalMilliseconds / run.Tweets:0} ms) |"));
        Console.WriteLine(Invariant($"| CPU during the run | {run.Cpu} |"));
        Console.WriteLine();
        Console.WriteLine($"storage requests by operation: {run.Storage.Breakdown()}");
        Console.WriteLine();
        Console.WriteLine(Invariant($"""
            Why the max over hosts: one tweet's requests run one after another (syndication, oEmbed and its redirect, photo,
            avatar), but tweets are archived side by side, so every host can be busy with a different tweet at the same
            time. No host can be done sooner than its requests ÷ its concurrency × the latency, and with enough tweets in
            flight the busiest host ({run.Busiest.Host}) is the only limit: that is the bound. The sum over hosts would be
            the bound only if a single stage ran at a time; it is what the run comes to when Parallelism equals the per-host
            concurrency (then each host serves at most that many requests at once, one tweet each, and hosts take turns).
            """));
        Console.WriteLine();
        foreach (var failed in submission.Citations.Where(c => c.Outcome != CitationOutcome.Archived).Take(5))
        {
            Console.WriteLine($"not archived: {failed.TweetId} {failed.Outcome}: {failed.Error ?? failed.Reason}");
        }

        if (failure is not null)
        {
            Console.WriteLine(Invariant($"""
                Finding: SubmitAsync failed with {failure.Status} {failure.ErrorCode} from ArchiveStore.UpdateSubmissionAsync: every finished
                citation reads and rewrites the whole submission blob under If-Match, and with {run.Parallelism} citations finishing side by side
                one of them lost the race 8 times in a row and gave up; the exception left Parallel.ForEachAsync and ended the run
                with {submission.Citations.Count(c => c.Outcome == CitationOutcome.Pending)} citations still pending.
                """));
            Console.WriteLine();
        }

        if (run.ParallelismBound > run.MaxBound * 1.05)
        {
            Console.WriteLine(Invariant($"""
                Finding: Archiver:Archive:Parallelism = {run.Parallelism} caps the requests in flight at {run.Parallelism} (one per citation
                being archived), and {run.Busiest.Host} gets {run.Busiest.PerTweet:0.##} of each tweet's {run.RequestsPerTweet:0.##} requests, so it
                has {(double)run.Parallelism * run.Busiest.PerTweet / run.RequestsPerTweet:0.0} requests in flight on average, below its {run.PerHost} slots. That alone sets
                the floor at {Seconds(run.ParallelismBound)}, {run.ParallelismBound / run.MaxBound:0.00}x the ideal bound. Keeping it busy needs Parallelism ≥
                ⌈{run.PerHost} × {run.RequestsPerTweet:0.##} ÷ {run.Busiest.PerTweet:0.##}⌉ = {run.ParallelismNeeded}, more to cover the storage time per tweet (allowed: 1 to 16).
                """));
        }
    }

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.00} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One measured run and the bounds derived from what the fake upstream received.</summary>
    private sealed record ThroughputRun(
        int Tweets, TimeSpan Latency, int Parallelism, int PerHost, TimeSpan Wall, IReadOnlyList<RecordedRequest> Requests, int Undelayed, StorageRequests Storage, string Cpu)
    {
        public IReadOnlyList<(string Host, int Requests)> ByHost { get; } =
            [.. Requests.GroupBy(r => r.Host).Select(g => (g.Key, g.Count())).OrderByDescending(h => h.Item2).ThenBy(h => h.Key, StringComparer.Ordinal)];

        public double RequestsPerTweet => (double)Requests.Count / Tweets;

        public (string Host, double PerTweet) Busiest => ByHost.Count == 0 ? ("none", 0) : (ByHost[0].Host, (double)ByHost[0].Requests / Tweets);

        public TimeSpan HostBound(int requests) => Latency * ((double)requests / PerHost);

        /// <summary>The most requests to <paramref name="host"/> (any host when null) inside one latency window.</summary>
        public int MostInFlight(string? host)
        {
            var arrivals = Requests.Where(r => host is null || r.Host == host).Select(r => r.At).Order().ToArray();
            var most = 0;
            for (int first = 0, last = 0; last < arrivals.Length; last++)
            {
                while (arrivals[last] - arrivals[first] >= Latency)
                {
                    first++;
                }

                most = Math.Max(most, last - first + 1);
            }

            return most;
        }

        public TimeSpan MaxBound => ByHost.Count == 0 ? TimeSpan.Zero : HostBound(ByHost[0].Requests);

        public TimeSpan SumBound => ByHost.Aggregate(TimeSpan.Zero, (sum, h) => sum + HostBound(h.Requests));

        /// <summary>At most Parallelism citations at once, each a chain of requests that follow one another.</summary>
        public TimeSpan ParallelismBound => Latency * (Math.Ceiling((double)Tweets / Parallelism) * RequestsPerTweet);

        public int ParallelismNeeded => Busiest.PerTweet == 0 ? 1 : (int)Math.Ceiling(PerHost * RequestsPerTweet / Busiest.PerTweet);
    }
}

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
    public const string Usage = "archive [--tweets 200] [--latency-ms 50] [--parallelism N] [--concurrency-per-host N] [--requests-per-second N]";

    /// <summary>Parallelism, concurrency and rate default to the app's settings; a rate of 0 turns the rate limiter off.</summary>
    private static readonly Dictionary<string, (long, long)> Options = new(StringComparer.Ordinal)
    {
        ["--tweets"] = (1, 5000),
        ["--latency-ms"] = (1, 5000),
        ["--parallelism"] = (1, 64),
        ["--concurrency-per-host"] = (1, 1000),
        ["--requests-per-second"] = (0, 10_000),
    };

    /// <summary>Warm-up: rounds of this many tweets until a round leaves the JIT nearly idle (see <see cref="WarmUpAsync"/>).</summary>
    private const int WarmUpTweets = 8;
    private const int MaxWarmUpRounds = 12;
    private const int SettledJitMethods = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchmarkArguments.TryParse(Usage, args, Options, [], out var arguments, out var error))
        {
            Console.Error.WriteLine($"archive: {error}");
            return 2;
        }

        var count = (int)arguments.Get("--tweets", 200);
        var latency = TimeSpan.FromMilliseconds(arguments.Get("--latency-ms", 50));
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

        if (arguments.Find("--requests-per-second") is { } rate)
        {
            overrides[$"{UpstreamOptions.Section}:RequestsPerSecondPerHost"] = rate.ToString(CultureInfo.InvariantCulture);
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
        var warmUp = upstream.AddTweets(0, WarmUpTweets * MaxWarmUpRounds);
        var measured = upstream.AddTweets(WarmUpTweets * MaxWarmUpRounds, count);

        await using var host = await CoreHost.StartAsync(azurite.ConnectionString, fake.Settings(overrides), token);
        var archive = host.Get<IOptions<ArchiveOptions>>().Value;
        var upstreamOptions = host.Get<IOptions<UpstreamOptions>>().Value;
        var processor = host.Get<SubmissionProcessor>();
        var extractor = host.Get<CitationExtractor>();

        var warmUpIds = await WarmUpAsync(processor, extractor, warmUp, token);

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
        var storage = host.Storage.Snapshot().Since(storageBefore);
        submission ??= await ReadStoredSubmissionAsync(host, warmUpIds, token);
        ThroughputReport.Print(new ThroughputRun
        {
            Tweets = count,
            Latency = latency,
            Parallelism = archive.Parallelism,
            PerHost = upstreamOptions.MaxConcurrencyPerHost,
            Rate = upstreamOptions.RequestsPerSecondPerHost,
            Wall = clock.Elapsed,
            Requests = requests,
            Undelayed = requests.Count(r => !upstream.WasDelayed(r)),
            Storage = storage,
            Cpu = cpuUsed,
        }, submission, failure);
        return failure is null && submission.Citations.All(c => c.Outcome == CitationOutcome.Archived) ? 0 : 1;
    }

    /// <summary>
    /// Archives rounds of <see cref="WarmUpTweets"/> other tweets, untimed, until the tiered JIT has settled: a round
    /// (and a pause for the background tier-up after it) that compiles fewer than <see cref="SettledJitMethods"/> methods,
    /// at most <see cref="MaxWarmUpRounds"/> rounds. A fixed short warm-up left the JIT recompiling hot paths during the
    /// measured run, which on 2 cores took a third of the CPU.
    /// </summary>
    private static async Task<HashSet<string>> WarmUpAsync(SubmissionProcessor processor, CitationExtractor extractor, IReadOnlyList<FakeTweet> tweets, CancellationToken token)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxWarmUpRounds; round++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            var batch = tweets.Skip(round * WarmUpTweets).Take(WarmUpTweets);
            ids.Add((await processor.SubmitAsync(extractor.Extract(ThroughputUpstream.Article(batch), ArticleFormat.Text), refresh: false, token)).Id);
            await Task.Delay(TimeSpan.FromMilliseconds(500), token);
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.WriteLine(Invariant($"warm-up round {round + 1}: {WarmUpTweets} other tweets archived the same way, not timed; the JIT compiled {compiled} methods"));
            if (round > 0 && compiled < SettledJitMethods)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>The measured submission as stored: the one that is not a warm-up's.</summary>
    private static async Task<Submission> ReadStoredSubmissionAsync(CoreHost host, HashSet<string> warmUpIds, CancellationToken cancellationToken)
    {
        await foreach (var blob in host.Get<BlobContainerClient>().GetBlobsAsync(BlobTraits.None, BlobStates.None, "submissions/", cancellationToken))
        {
            var id = blob.Name["submissions/".Length..^".json".Length];
            if (!warmUpIds.Contains(id) && await host.Store.ReadSubmissionAsync(id, cancellationToken) is { } stored)
            {
                return stored.Value;
            }
        }

        throw new InvalidOperationException("The measured submission was not stored.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

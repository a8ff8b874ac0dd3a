using System.Globalization;
using Archiver.Archive;
using Azure;

namespace Archiver.Benchmarks.Archiving;

/// <summary>Prints an <c>archive</c> run: requests and bounds per host, the measures, why the bound is what it is, and findings.</summary>
internal static class ThroughputReport
{
    public const double TargetRatio = 1.25;

    public static void Print(ThroughputRun run, Submission submission, RequestFailedException? failure)
    {
        var latency = Invariant($"{run.Latency.TotalMilliseconds:0} ms");
        Console.WriteLine();
        Console.WriteLine(Invariant($"archive: {run.Tweets} tweets, each with 1 photo and its author's avatar, cited by status URL in one submission"));
        Console.WriteLine(Invariant($"fake upstream: every answer after {latency}; Azurite in memory; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine(Invariant($"settings: Archiver:Archive:Parallelism = {run.Parallelism}, Archiver:Upstream:MaxConcurrencyPerHost = {run.PerHost}, Archiver:Upstream:RequestsPerSecondPerHost = {run.Rate}"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"| upstream host | requests | per tweet | most in flight | ideal: requests ÷ {run.PerHost} × {latency} | rate limiter: (requests − {Math.Ceiling(run.Rate)}) ÷ {run.Rate}/s |"));
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (host, requests) in run.ByHost)
        {
            Console.WriteLine(Invariant($"| {host} | {requests} | {(double)requests / run.Tweets:0.00} | {run.MostInFlight(host)} | {Seconds(run.HostBound(requests))} | {(run.Rate > 0 ? Seconds(run.RateBound(requests)) : "off")} |"));
        }

        Console.WriteLine(Invariant($"| all hosts | {run.Requests.Count} | {run.RequestsPerTweet:0.00} | {run.MostInFlight(null)} | sum {Seconds(run.SumBound)} | |"));
        Console.WriteLine(Invariant($"(most in flight: the most requests that reached the fake within one {latency} latency)"));
        Console.WriteLine();

        var ratio = run.Wall / run.IdealBound;
        var outcomes = string.Join(", ", submission.Citations.GroupBy(c => c.Outcome).Select(g => Invariant($"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine(Invariant($"| wall time (SubmitAsync, {run.Tweets} citations) | {Seconds(run.Wall)} |"));
        Console.WriteLine(Invariant($"| ideal bound: max over hosts of requests ÷ concurrency × latency | {Seconds(run.IdealBound)} |"));
        Console.WriteLine(Invariant($"| ratio wall ÷ ideal bound (target ≤ {TargetRatio:0.00}) | {ratio:0.00}x: {(ratio <= TargetRatio && failure is null ? "met" : "NOT met")} |"));
        Console.WriteLine(Invariant($"| bound with the rate limiter as configured (max over hosts) | {Seconds(run.ConfiguredBound)} ({run.Wall / run.ConfiguredBound:0.00}x) |"));
        Console.WriteLine(Invariant($"| Parallelism bound: ⌈{run.Tweets} ÷ {run.Parallelism}⌉ × {run.RequestsPerTweet:0.##} requests × {latency} | {Seconds(run.ParallelismBound)} |"));
        Console.WriteLine(Invariant($"| sum over hosts (no two hosts ever busy at once) | {Seconds(run.SumBound)} |"));
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
            avatar), but tweets are archived side by side, so every host can be busy with a different tweet at the same time.
            No host can be done sooner than its requests ÷ its concurrency × the latency, and with enough tweets in flight
            the busiest host ({run.Busiest.Host}) is the only limit: that is the bound. The sum over hosts would be the bound
            only if a single stage ran at a time; it is what the run comes to when Parallelism equals the per-host
            concurrency (each host then serves at most that many requests at once, one tweet each, and hosts take turns).
            """));
        foreach (var failed in submission.Citations.Where(c => c.Outcome != CitationOutcome.Archived).Take(3))
        {
            Console.WriteLine($"not archived: {failed.TweetId} {failed.Outcome}: {failed.Error ?? failed.Reason}");
        }

        PrintFindings(run, submission, failure);
    }

    private static void PrintFindings(ThroughputRun run, Submission submission, RequestFailedException? failure)
    {
        if (failure is not null)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"""
                Finding: SubmitAsync failed with {failure.Status} {failure.ErrorCode} from storage and the run ended with
                {submission.Citations.Count(c => c.Outcome == CitationOutcome.Pending)} citations still pending. The bounds above count only the requests made before that.
                """));
            return;
        }

        var rateLimited = run.ConfiguredBound > run.IdealBound * 1.05;
        if (rateLimited)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"""
                Finding: Archiver:Upstream:RequestsPerSecondPerHost = {run.Rate} (a token bucket inside the retries) lets {run.Busiest.Host}
                serve {run.Rate} requests a second, while {run.PerHost} slots × 1 s ÷ {run.Latency.TotalMilliseconds:0} ms would serve {run.PerHost / run.Latency.TotalSeconds:0}: its
                {run.ByHost[0].Requests} requests need {Seconds(run.ConfiguredBound)} whatever the concurrency, {run.ConfiguredBound / run.IdealBound:0.00}x the ideal bound. To reach the ideal bound,
                set it to at least {Math.Ceiling(run.PerHost / run.Latency.TotalSeconds):0} (or 0, off: --requests-per-second 0).
                """));
        }

        if (run.ParallelismBound > run.IdealBound * 1.05)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"""
                Finding: Archiver:Archive:Parallelism = {run.Parallelism} allows {run.Parallelism} requests in flight (one per citation), and {run.Busiest.Host}
                gets {run.Busiest.PerTweet:0.##} of each tweet's {run.RequestsPerTweet:0.##} requests, so it has {run.Parallelism * run.Busiest.PerTweet / run.RequestsPerTweet:0.0} in flight on average, below its {run.PerHost} slots:
                that alone sets the floor at {Seconds(run.ParallelismBound)}, {run.ParallelismBound / run.IdealBound:0.00}x the ideal bound. Keeping it busy needs Parallelism ≥
                ⌈{run.PerHost} × {run.RequestsPerTweet:0.##} ÷ {run.Busiest.PerTweet:0.##}⌉ = {run.ParallelismNeeded}, more to cover the storage time per tweet (allowed: 1 to 64).
                """));
        }
    }

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.00} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Archiver.Tests.Fakes;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// One measured <c>archive</c> run, the settings it ran under, and the bounds derived from what the fake upstream
/// received: per host, requests ÷ concurrency × latency (the ideal bound) and, with the per-host token bucket on,
/// (requests − its burst) ÷ its rate.
/// </summary>
internal sealed record ThroughputRun
{
    public required int Tweets { get; init; }

    public required TimeSpan Latency { get; init; }

    public required int Parallelism { get; init; }

    public required int PerHost { get; init; }

    /// <summary><c>Archiver:Upstream:RequestsPerSecondPerHost</c>; 0 when the rate limiter is off.</summary>
    public required double Rate { get; init; }

    public required TimeSpan Wall { get; init; }

    public required IReadOnlyList<RecordedRequest> Requests { get; init; }

    /// <summary>Requests the fake answered without the latency (not programmed): should be 0.</summary>
    public required int Undelayed { get; init; }

    public required StorageRequests Storage { get; init; }

    public required string Cpu { get; init; }

    /// <summary>Hosts, busiest first, with their request counts.</summary>
    public IReadOnlyList<(string Host, int Requests)> ByHost =>
        [.. Requests.GroupBy(r => r.Host).Select(g => (g.Key, g.Count())).OrderByDescending(h => h.Item2).ThenBy(h => h.Key, StringComparer.Ordinal)];

    public double RequestsPerTweet => (double)Requests.Count / Tweets;

    public (string Host, double PerTweet) Busiest => ByHost.Count == 0 ? ("none", 0) : (ByHost[0].Host, (double)ByHost[0].Requests / Tweets);

    /// <summary>The bound for one host: its requests ÷ its concurrency × the latency.</summary>
    public TimeSpan HostBound(int requests) => Latency * ((double)requests / PerHost);

    /// <summary>The token bucket's bound for one host: what its burst does not cover, at its rate; zero when off.</summary>
    public TimeSpan RateBound(int requests) =>
        Rate <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(0, requests - Math.Ceiling(Rate)) / Math.Ceiling(Rate));

    /// <summary>The ideal bound: the busiest host's requests ÷ concurrency × latency.</summary>
    public TimeSpan IdealBound => ByHost.Count == 0 ? TimeSpan.Zero : ByHost.Max(h => HostBound(h.Requests));

    /// <summary>The bound with the rate limiter as configured: per host the larger of the two, the largest over hosts.</summary>
    public TimeSpan ConfiguredBound => ByHost.Count == 0 ? TimeSpan.Zero : ByHost.Max(h => Max(HostBound(h.Requests), RateBound(h.Requests)));

    public TimeSpan SumBound => ByHost.Aggregate(TimeSpan.Zero, (sum, h) => sum + HostBound(h.Requests));

    /// <summary>At most Parallelism citations at once, each a chain of requests that follow one another.</summary>
    public TimeSpan ParallelismBound => Latency * (Math.Ceiling((double)Tweets / Parallelism) * RequestsPerTweet);

    /// <summary>The Parallelism that keeps the busiest host's slots full: its concurrency × requests per tweet ÷ its share.</summary>
    public int ParallelismNeeded => Busiest.PerTweet == 0 ? 1 : (int)Math.Ceiling(PerHost * RequestsPerTweet / Busiest.PerTweet);

    /// <summary>The most requests to <paramref name="host"/> (any host when null) that arrived within one latency.</summary>
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

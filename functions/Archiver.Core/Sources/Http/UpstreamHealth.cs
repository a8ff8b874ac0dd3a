using System.Collections.Concurrent;

namespace Archiver.Sources;

/// <summary>
/// The state of each upstream host as this process saw it: the last success, the last failure in words, a rate limit
/// and an open circuit with the time they end. Fed by <see cref="UpstreamClient"/> and the per-host circuit breakers.
/// </summary>
public sealed class UpstreamHealth(TimeProvider time)
{
    /// <summary>How long a 429 without <c>Retry-After</c> counts as a rate limit.</summary>
    public static readonly TimeSpan DefaultRateLimit = TimeSpan.FromMinutes(1);

    /// <summary>The hosts the page watches: what archiving needs first.</summary>
    public static readonly IReadOnlyList<string> Watched = ["t.co", "cdn.syndication.twimg.com", "publish.twitter.com", "publish.x.com", "api.fxtwitter.com", "pbs.twimg.com", "video.twimg.com"];

    private readonly ConcurrentDictionary<string, Entry> hosts = new(StringComparer.OrdinalIgnoreCase);

    public void Succeeded(string host) => Update(host, e => e with { LastSuccessAt = time.GetUtcNow(), RateLimitedUntil = null });

    public void Failed(string host, string error) => Update(host, e => e with { LastErrorAt = time.GetUtcNow(), LastError = error });

    public void RateLimited(string host, TimeSpan? retryAfter, string error)
    {
        var now = time.GetUtcNow();
        Update(host, e => e with { LastErrorAt = now, LastError = error, RateLimitedUntil = now + (retryAfter ?? DefaultRateLimit) });
    }

    public void CircuitOpened(string host, TimeSpan breakDuration) => Update(host, e => e with { CircuitOpenUntil = time.GetUtcNow() + breakDuration });

    public void CircuitClosed(string host) => Update(host, e => e with { CircuitOpenUntil = null });

    /// <summary>Every watched host, and any other host asked so far, in a stable order.</summary>
    public IReadOnlyList<UpstreamHostState> Snapshot() =>
        [.. Watched.Concat(hosts.Keys.Where(h => !Watched.Contains(h, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)).Select(State)];

    public UpstreamHostState State(string host)
    {
        var now = time.GetUtcNow();
        var e = hosts.TryGetValue(host, out var found) ? found : new Entry();
        var circuit = e.CircuitOpenUntil > now ? e.CircuitOpenUntil : null;
        var limited = e.RateLimitedUntil > now ? e.RateLimitedUntil : null;
        var state = circuit is not null ? "circuit_open"
            : limited is not null ? "rate_limited"
            : e.LastErrorAt is { } failed && (e.LastSuccessAt is not { } ok || failed > ok) ? "unreachable"
            : e.LastSuccessAt is not null ? "reachable"
            : "unknown";
        return new UpstreamHostState
        {
            Host = host.ToLowerInvariant(),
            Name = UpstreamWords.Name(host),
            State = state,
            RateLimitedUntil = limited,
            CircuitOpenUntil = circuit,
            LastSuccessAt = e.LastSuccessAt,
            LastErrorAt = e.LastErrorAt,
            LastError = e.LastError,
        };
    }

    private void Update(string host, Func<Entry, Entry> change) =>
        hosts.AddOrUpdate(host.ToLowerInvariant(), _ => change(new Entry()), (_, e) => change(e));

    private sealed record Entry
    {
        public DateTimeOffset? LastSuccessAt { get; init; }

        public DateTimeOffset? LastErrorAt { get; init; }

        public string? LastError { get; init; }

        public DateTimeOffset? RateLimitedUntil { get; init; }

        public DateTimeOffset? CircuitOpenUntil { get; init; }
    }
}

namespace Archiver.Sources;

/// <summary>What this server last saw of one upstream host: <c>GET /api/health</c> shows it, the page turns it into a banner.</summary>
public sealed record UpstreamHostState
{
    public required string Host { get; init; }

    /// <summary>The host in words, e.g. "X's short-link service (t.co)".</summary>
    public required string Name { get; init; }

    /// <summary><c>reachable</c>, <c>unreachable</c>, <c>rate_limited</c>, <c>circuit_open</c>, or <c>unknown</c> (not asked yet).</summary>
    public required string State { get; init; }

    public DateTimeOffset? RateLimitedUntil { get; init; }

    public DateTimeOffset? CircuitOpenUntil { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The last failure in plain language.</summary>
    public string? LastError { get; init; }
}

namespace Archiver.Sources;

/// <summary>
/// One upstream response kept as evidence: which endpoint, the URL asked for (the real host, even when a host map
/// sent it elsewhere), the status, where a redirect pointed, when, and the raw body verbatim with its SHA-256.
/// </summary>
internal sealed record UpstreamExchange
{
    /// <summary>A short name of the endpoint: <c>syndication</c>, <c>oembed</c>, <c>fxtwitter</c>, <c>tco</c>.</summary>
    public required string Endpoint { get; init; }

    public required string Url { get; init; }

    /// <summary>The HTTP status, or null when no answer came (timeout, connection refused).</summary>
    public int? Status { get; init; }

    public string? ContentType { get; init; }

    /// <summary>A redirect's target, absolute, as its <c>Location</c> header named it (on the real host's terms).</summary>
    public string? Location { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The body as received, possibly cut at the size cap (then <see cref="Truncated"/> is set).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public bool Truncated { get; init; }

    /// <summary>The wait the host asked for (<c>Retry-After</c>, seconds or a date), when it named one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Body"/>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The request line and headers sent, the status line and headers received; null when no answer came.</summary>
    public Archiver.Evidence.HttpRecord? Http { get; init; }
}

namespace Archiver.Sources;

/// <summary>One upstream call as the sources see it: the evidence, where a redirect points, and why no answer came.</summary>
internal sealed record UpstreamAnswer
{
    public required UpstreamExchange Exchange { get; init; }

    /// <summary>The absolute <c>Location</c> of a 3xx answer, resolved against the real URL.</summary>
    public Uri? Location { get; init; }

    /// <summary>Why there is no usable answer (no status): refused host, timeout, open circuit, connection failure.</summary>
    public string? Error { get; init; }

    /// <summary>True when the host was refused before any request (not on the allow-list).</summary>
    public bool Refused { get; init; }

    public bool IsRedirect => Exchange.Status is 301 or 302 or 303 or 307 or 308 && Location is not null;
}

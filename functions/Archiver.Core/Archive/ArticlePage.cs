namespace Archiver.Archive;

/// <summary>
/// An article submitted by its address: what was fetched, when, and the SHA-256 of the body kept verbatim under
/// <c>raw/</c>. Evidence of what the article said when its tweets were archived.
/// </summary>
public sealed record ArticlePage
{
    /// <summary>The address as submitted.</summary>
    public required string Url { get; init; }

    /// <summary>Where the redirects (at most 5) ended: the page actually read.</summary>
    public required string FinalUrl { get; init; }

    public required int Status { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public string? ContentType { get; init; }

    public required long Bytes { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>The body's blob, <c>raw/{sha256}</c>; null until it is stored (extraction stores nothing).</summary>
    public string? Raw { get; init; }
}

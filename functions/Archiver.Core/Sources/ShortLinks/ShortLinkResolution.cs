namespace Archiver.Sources;

/// <summary>Where a short link leads, and the upstream answers, hop by hop, that say so.</summary>
internal sealed record ShortLinkResolution
{
    /// <summary>The short link as given.</summary>
    public required string ShortLink { get; init; }

    public required ShortLinkStatus Status { get; init; }

    /// <summary>Where the link leads (the last target reached, fetched or not); null when it could not be resolved.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>The status id when <see cref="FinalUrl"/> is a status URL.</summary>
    public string? TweetId { get; init; }

    /// <summary>The handle the status URL names; null for <c>/i/web/status/ID</c>. It can be another user's (re-used media).</summary>
    public string? ScreenName { get; init; }

    /// <summary><c>photo</c> or <c>video</c> when the status URL ends in <c>/photo/N</c> or <c>/video/N</c> (a media link).</summary>
    public string? MediaType { get; init; }

    /// <summary>The N of <c>/photo/N</c> or <c>/video/N</c>.</summary>
    public int? MediaIndex { get; init; }

    /// <summary>True when t.co sent the link through X's <c>unsafe_link_warning</c> interstitial (unwrapped).</summary>
    public bool UnsafeLinkWarning { get; init; }

    /// <summary>Every upstream answer fetched on the way, in order.</summary>
    public IReadOnlyList<UpstreamExchange> Hops { get; init; } = [];

    /// <summary>Why it did not resolve, for the statuses that are failures.</summary>
    public string? Error { get; init; }

    public bool IsMediaLink => MediaType is not null;

    public bool IsTransient => Status == ShortLinkStatus.Transient;
}

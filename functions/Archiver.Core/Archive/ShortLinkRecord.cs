using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// A cited short link as it was resolved: where it led and every upstream answer on the way (the t.co hops, and the
/// twitter.com one when there is one), each with its request and response headers and its raw body kept under
/// <c>raw/</c>. Kept on the citation that cited it and on the tweet it led to.
/// </summary>
public sealed record ShortLinkRecord
{
    /// <summary>The short link as the article gave it.</summary>
    public required string ShortLink { get; init; }

    /// <summary><c>tweet</c>, <c>not_a_tweet</c>, <c>unknown_code</c>, <c>too_many_redirects</c>, <c>invalid</c> or <c>transient</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Where the link leads (the last target reached, fetched or not); null when it could not be resolved.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>The status id the link leads to, when it leads to one.</summary>
    public string? TweetId { get; init; }

    public required DateTimeOffset ResolvedAt { get; init; }

    /// <summary>True when t.co sent the link through X's <c>unsafe_link_warning</c> interstitial.</summary>
    public bool UnsafeLinkWarning { get; init; }

    /// <summary>
    /// Every answer on the way, in order; <see cref="SnapshotSource.Outcome"/> is <c>redirect</c> (a <c>Location</c>),
    /// <c>refresh</c> (a page whose meta refresh led on) or, for the last one, <see cref="Status"/>.
    /// </summary>
    public required IReadOnlyList<SnapshotSource> Hops { get; init; }

    /// <summary>Two resolutions are the same evidence when every hop asked the same URL and got the same status, target and body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => string.Join('\n', Hops.Select(h => $"{h.Url} {h.Status} {h.Location} {h.Sha256}").Append(FinalUrl ?? Status));

    internal static ShortLinkRecord Of(ShortLinkResolution resolution, IReadOnlyList<string> blobs, DateTimeOffset at) => new()
    {
        ShortLink = resolution.ShortLink,
        Status = EnumNames.Of(resolution.Status),
        FinalUrl = resolution.FinalUrl?.AbsoluteUri,
        TweetId = resolution.TweetId,
        ResolvedAt = at,
        UnsafeLinkWarning = resolution.UnsafeLinkWarning,
        Hops =
        [
            .. resolution.Hops.Select((hop, i) => SnapshotSource.Of(hop, blobs[i], "short_link",
                hop.Location is not null ? "redirect" : i < resolution.Hops.Count - 1 ? "refresh" : EnumNames.Of(resolution.Status))),
        ],
    };
}

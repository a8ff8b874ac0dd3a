using Archiver.Archive;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// How a cited short link was resolved, as a citation shows it: where it led and, per hop, the URL asked, the status
/// and <c>Location</c> answered and where the raw body is kept. The headers of each hop are in the stored submission
/// and in the tweet's <c>shortLinks</c>; no body is shown here.
/// </summary>
public sealed record ShortLinkView
{
    public required string ShortLink { get; init; }

    /// <summary><c>tweet</c>, <c>not_a_tweet</c>, <c>unknown_code</c>, <c>too_many_redirects</c>, <c>invalid</c> or <c>transient</c>.</summary>
    public required string Status { get; init; }

    public required string? FinalUrl { get; init; }

    public required string? TweetId { get; init; }

    public required DateTimeOffset ResolvedAt { get; init; }

    public required bool UnsafeLinkWarning { get; init; }

    public required IReadOnlyList<Hop> Hops { get; init; }

    public static ShortLinkView Of(ShortLinkRecord record) => new()
    {
        ShortLink = record.ShortLink,
        Status = record.Status,
        FinalUrl = record.FinalUrl,
        TweetId = record.TweetId,
        ResolvedAt = record.ResolvedAt,
        UnsafeLinkWarning = record.UnsafeLinkWarning,
        Hops = [.. record.Hops.Select(h => new Hop(h.Url, h.Status, h.Location, h.Outcome, h.Sha256, h.Blob))],
    };

    /// <summary>One upstream answer on the way; its raw body is the blob <paramref name="Blob"/> (<c>raw/{sha256}</c>).</summary>
    /// <param name="Outcome"><c>redirect</c>, <c>refresh</c> or, for the last hop, the resolution's status.</param>
    public sealed record Hop(string Url, int? Status, string? Location, string Outcome, string Sha256, string Blob);
}

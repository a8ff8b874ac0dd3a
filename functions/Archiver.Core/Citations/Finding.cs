namespace Archiver.Citations;

/// <summary>
/// One thing a reader found at one place in the input: a status link, a short link, an embed (blockquote, widget or
/// flattened signature), or several at once. <see cref="CitationMerger"/> joins findings that share a tweet id or a
/// short-link code into one citation.
/// </summary>
internal sealed record Finding
{
    public required Occurrence Occurrence { get; init; }

    /// <summary>The status id this finding names, if any.</summary>
    public string? TweetId { get; init; }

    /// <summary>The handle in a status URL's path; null for <c>/i/status/</c> links.</summary>
    public string? UrlScreenName { get; init; }

    /// <summary>The short link written at this occurrence, if it is one.</summary>
    public ShortLink? ShortLink { get; init; }

    public EmbedInfo? Embed { get; init; }

    /// <summary>Short links that belong to this embed (the media link first): the tweet they lead to is this one.</summary>
    public IReadOnlyList<ShortLink> LinkedLinks { get; init; } = [];

    public static Finding Of(StatusLink link) => new()
    {
        Occurrence = new Occurrence(link.Offset, link.Length),
        TweetId = link.TweetId,
        UrlScreenName = link.ScreenName,
    };

    public static Finding Of(ShortLink link) => new()
    {
        Occurrence = new Occurrence(link.Offset, link.Length),
        ShortLink = link,
    };
}

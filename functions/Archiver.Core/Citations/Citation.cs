namespace Archiver.Citations;

/// <summary>
/// One cited tweet, however many times and in however many forms the article cites it.
/// The JSON shape is a contract (DESIGN.md, "A citation").
/// </summary>
public sealed record Citation
{
    /// <summary>The status id when the article names it (1 to 19 digits), else null.</summary>
    public required string? TweetId { get; init; }

    /// <summary>The author's handle without '@', when the article names it.</summary>
    public required string? ScreenName { get; init; }

    /// <summary>Canonical status URL (<c>https://x.com/{handle|i}/status/{id}</c>) when the id is known.</summary>
    public required string? Url { get; init; }

    /// <summary>Canonical short link (<c>https://pic.twitter.com/CODE</c> or <c>https://t.co/CODE</c>) when cited through one.</summary>
    public required string? ShortLink { get; init; }

    /// <summary>What an embed (blockquote or flattened signature) says about the tweet.</summary>
    public required EmbedInfo? Embed { get; init; }

    /// <summary>Every place in the input that cites this tweet, in input order.</summary>
    public required IReadOnlyList<Occurrence> Occurrences { get; init; }
}

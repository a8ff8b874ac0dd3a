namespace Archiver.Sources;

/// <summary>What one source said about one tweet: the tweet, that it is unavailable and why, or that it failed.</summary>
internal abstract record SourceOutcome
{
    /// <summary>The source's name, recorded as the provenance of what it supplied.</summary>
    public required string Source { get; init; }

    /// <summary>Every upstream response this answer rests on.</summary>
    public required IReadOnlyList<UpstreamExchange> Evidence { get; init; }
}

/// <summary>The source answered with the tweet.</summary>
internal sealed record TweetFound : SourceOutcome
{
    public required TweetData Tweet { get; init; }

    /// <summary>oEmbed only: the blockquote as readers saw the embed.</summary>
    public string? EmbedHtml { get; init; }
}

/// <summary>The source answered, clearly, that the tweet cannot be seen.</summary>
internal sealed record TweetUnavailable : SourceOutcome
{
    public required Unavailability Reason { get; init; }

    /// <summary>The wording the source used (a tombstone sentence, an error message), when it gave one.</summary>
    public string? Wording { get; init; }
}

/// <summary>
/// The source did not give a usable answer: 429, 5xx, timeout, HTML where JSON was expected, <c>{}</c>, a login wall.
/// Transient by nature; never evidence of deletion.
/// </summary>
internal sealed record SourceFailed : SourceOutcome
{
    public required string Error { get; init; }
}

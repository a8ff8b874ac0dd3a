namespace Archiver.Sources;

/// <summary>What the ladder of sources said about one tweet id.</summary>
internal sealed record FetchReport
{
    /// <summary>The id asked for.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The tweet: syndication's when it found it, else FxTwitter's, else oEmbed's minimal one; a missing author (and a
    /// truncated text) filled from another source that found it. <see cref="SuppliedBy"/> says which.
    /// </summary>
    public TweetData? Tweet { get; init; }

    /// <summary>oEmbed's blockquote, verbatim: the embed as readers saw it.</summary>
    public string? EmbedHtml { get; init; }

    /// <summary>Every source's answer, in the order asked, each with its evidence.</summary>
    public required IReadOnlyList<SourceOutcome> Outcomes { get; init; }

    /// <summary>
    /// Set only when no source found the tweet, at least one answered that it is unavailable, and none contradicted it;
    /// a specific reason (deleted, suspended…) wins over a bare "not found". One answer, never a conclusion of deletion.
    /// </summary>
    public Unavailability? Unavailable { get; init; }

    /// <summary>True when no source gave a usable answer (only failures): try again later.</summary>
    public bool Transient { get; init; }

    /// <summary>Provenance of the assembled <see cref="Tweet"/>: <c>tweet</c>, <c>author</c>, <c>text</c>, <c>embedHtml</c> → source name.</summary>
    public IReadOnlyDictionary<string, string> SuppliedBy { get; init; } = new Dictionary<string, string>();
}

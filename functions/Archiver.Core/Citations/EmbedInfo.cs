namespace Archiver.Citations;

/// <summary>What an embedded tweet's blockquote, or the signature it leaves in flattened text, says.</summary>
public sealed record EmbedInfo
{
    public required string? AuthorName { get; init; }

    public required string ScreenName { get; init; }

    /// <summary>The signature's date as ISO <c>yyyy-MM-dd</c>, or null when it could not be read.</summary>
    public required string? Date { get; init; }

    /// <summary>The quoted tweet text, whitespace tidied, or null when none precedes the signature.</summary>
    public required string? Text { get; init; }
}

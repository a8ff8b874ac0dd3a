namespace Archiver.Tests.Citations;

/// <summary>One line of the case table: an input and the citations it must yield (none for a negative case).</summary>
/// <param name="Wrappable">Whether the input still means the same once HTML-escaped inside a paragraph.</param>
public sealed record CitationCase(string Input, IReadOnlyList<ExpectedCitation> Expected, bool Wrappable = true);

/// <summary>What the table checks of a citation: its id, handle and short link.</summary>
public sealed record ExpectedCitation(string? TweetId, string? ScreenName, string? ShortLink);

namespace Archiver.Citations;

/// <summary>A status URL found in text: the tweet it names and the span it covers.</summary>
/// <param name="TweetId">1 to 19 digits, no leading zeros.</param>
/// <param name="ScreenName">The handle in the path, or null for <c>/i/status/</c> and <c>/i/web/status/</c>.</param>
internal sealed record StatusLink(string TweetId, string? ScreenName, int Offset, int Length);

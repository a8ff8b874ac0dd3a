namespace Archiver.Sources;

/// <summary>
/// The screen name a profile or status URL starts with (<c>https://x.com/Handle</c>, <c>…/Handle/status/ID</c>); not
/// <c>/i/</c>. Status ids are read by the citation finder's <see cref="Citations.StatusUrlParser"/>, the one reader of
/// status URLs.
/// </summary>
internal static class ProfileUrl
{
    public static string? Handle(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
        && first is not "i" && first.Length is > 0 and <= Citations.StatusUrlParser.MaxScreenNameLength
        && first.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? first
            : null;
}

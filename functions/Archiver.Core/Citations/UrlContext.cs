namespace Archiver.Citations;

/// <summary>
/// Whether a link of ours is written inside the query or fragment of another URL, as the value of a parameter
/// (<c>nytimes.com/…?smid=tw-share&amp;referer=https://t.co/CODE</c>): that records where a reader came from, it
/// does not cite a tweet. A link in another URL's path (<c>web.archive.org/web/2022/https://x.com/…</c>) is still
/// a citation, of an archived copy.
/// </summary>
internal static class UrlContext
{
    /// <summary>How far back the URL around a link is looked for; no URL in an article is longer.</summary>
    public const int MaxLookBack = 2048;

    /// <summary>
    /// Whether the URL characters just before <paramref name="urlStart"/> (not before <paramref name="floor"/>, where
    /// the previous candidate ended) are another URL's start and then a '?' or '#'. Brackets, quotes, '*' and ','
    /// end the walk back, as they end a URL in prose and Markdown (';' does not: raw HTML writes '&amp;' in a query).
    /// </summary>
    public static bool IsInQueryOfOtherUrl(string text, int floor, int urlStart)
    {
        var limit = Math.Max(floor, urlStart - MaxLookBack);
        var start = urlStart;
        while (start > limit && IsPartOfUrl(text[start - 1]))
        {
            start--;
        }

        var before = text.AsSpan(start, urlStart - start);
        var query = before.IndexOfAny('?', '#');
        if (query < 0)
        {
            return false;
        }

        var head = before[..query];
        if (head.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        // The path or query of the host run the previous candidate ended on ("twitter.com" + "/intent/tweet?url=…").
        if (start == floor && floor > 0 && CharKinds.IsHostChar(text[floor - 1]) && (head.IsEmpty || head[0] == '/'))
        {
            return true;
        }

        // A URL written without a scheme: "www.example.com?ref=…", "example.com/share?u=…".
        var hostEnd = head.IndexOf('/');
        return LooksLikeHost(hostEnd < 0 ? head : head[..hostEnd]);
    }

    private static bool IsPartOfUrl(char c) =>
        CharKinds.IsUrlChar(c) && c is not ('(' or ')' or '[' or ']' or '\'' or '*' or ',');

    /// <summary>Host characters holding a '.' and ending in a label of two or more letters, as <c>www.example.com</c>.</summary>
    private static bool LooksLikeHost(ReadOnlySpan<char> host)
    {
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || host.Length - dot - 1 < 2)
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!CharKinds.IsHostChar(c))
            {
                return false;
            }
        }

        foreach (var c in host[(dot + 1)..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Archiver.Citations;

/// <summary>
/// Reads short links (reference 3.3, 3.4): <c>t.co/CODE</c>, <c>pic.twitter.com/CODE</c>, <c>pic.x.com/CODE</c>,
/// where the code is 1 to 40 letters and digits ending at a real boundary (not running on into a word or host name). <see cref="Parse"/>,
/// <see cref="TryParse"/> and the scanner share <see cref="TryMatch"/>, which says why a candidate is not one.
/// </summary>
internal static class ShortLinkParser
{
    public const int MaxCodeLength = 40;

    /// <summary>Reads one whole URL such as an <c>href</c> value; throws <see cref="FormatException"/> saying why not.</summary>
    public static ShortLink Parse(string url, TweetHosts? hosts = null) =>
        ParseWhole(url, hosts ?? TweetHosts.Default, out var rejection) ?? throw new FormatException(rejection.Message);

    /// <summary>Reads one whole URL such as an <c>href</c> value or a link's visible text.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out ShortLink? link, TweetHosts? hosts = null)
    {
        link = url is null ? null : ParseWhole(url, hosts ?? TweetHosts.Default, out _);
        return link is not null;
    }

    /// <summary>Reads the code after a short-link host found in running text; a query after the code is part of the link.</summary>
    public static bool TryMatch(string text, HostRun run, [NotNullWhen(true)] out ShortLink? link, out Rejection rejection)
    {
        link = null;
        var codeStart = run.HostEnd + 1;
        var position = codeStart;
        while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
        {
            position++;
        }

        var length = position - codeStart;
        rejection = length switch
        {
            0 => Rejection.Url(RejectionReason.NoCode, text, run.UrlStart, run.HostEnd),
            > MaxCodeLength => new Rejection(RejectionReason.CodeTooLong, text, codeStart, length),
            _ when RunsOn(text, position) => new Rejection(RejectionReason.CodeRunsOn, text, codeStart, length + 1),
            _ => Rejection.None,
        };
        if (rejection.Reason != RejectionReason.None)
        {
            return false;
        }

        var end = position < text.Length && text[position] == '?' ? UrlTail.Extend(text, position) : position;
        var isPicture = text.AsSpan(run.HostStart, run.HostEnd - run.HostStart).StartsWith("pic.", StringComparison.OrdinalIgnoreCase);
        link = new ShortLink(text.Substring(codeStart, length), isPicture, run.UrlStart, end - run.UrlStart);
        return true;
    }

    /// <summary>
    /// Whether what follows a code at <paramref name="end"/> continues it, so the code read so far would be invented:
    /// a letter of a word it is glued to (<c>abcé</c>; CJK, Hangul or Thai after it are a boundary), '-', '/' or '@'
    /// with more after (<c>abc-def</c>), or a host name (<c>pic.twitter.com/pic.twitter.com/…</c>). A '.' ending a
    /// sentence, or before one short word (<c>t.co/CODE.x</c>), is a boundary.
    /// </summary>
    private static bool RunsOn(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }

        var next = CharKinds.At(text, end);
        if (CharKinds.GluesToLink(next))
        {
            return true;
        }

        var more = end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1]);
        if (next is '-' or '/' or '@')
        {
            return more;
        }

        if (next != '.' || !more)
        {
            return false;
        }

        var runEnd = end + 1;
        while (runEnd < text.Length && CharKinds.IsHostChar(text[runEnd]))
        {
            runEnd++;
        }

        var run = text.AsSpan(end + 1, runEnd - end - 1).TrimEnd(".-");
        return run.Contains('.') || (runEnd < text.Length && text[runEnd] == '/');
    }

    private static ShortLink? ParseWhole(string url, TweetHosts hosts, out Rejection rejection)
    {
        if (!HostRun.TryLocate(url, hosts, out var run, out rejection))
        {
            return null;
        }

        if (run.Kind != HostKind.ShortLink)
        {
            rejection = Rejection.Whole(RejectionReason.NotShortLink, url);
            return null;
        }

        if (!TryMatch(url, run, out var link, out rejection) || !HostRun.EndsAt(url, link.Offset + link.Length, out rejection))
        {
            return null;
        }

        return link;
    }
}

using System.Buffers;

namespace Archiver.Citations;

/// <summary>
/// A host of ours written in text at a word boundary and followed by a path, with the scheme (if any) before it.
/// <see cref="UrlStart"/> is where the URL begins: at the scheme, at a protocol-relative <c>//</c>, or at the host.
/// </summary>
internal readonly record struct HostRun(int UrlStart, int HostStart, int HostEnd, HostKind Kind)
{
    private const int MaxSchemeLength = 16;

    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\n\r\f\v\u00A0\u2028\u2029");

    /// <summary>
    /// Decides whether the host characters <paramref name="hostStart"/>..<paramref name="hostEnd"/> of
    /// <paramref name="text"/> start a link of ours; when not, <paramref name="rejection"/> says why. Nothing before
    /// <paramref name="floor"/> (the end of the previous candidate) is looked at, which keeps a scan linear.
    /// </summary>
    public static bool TryRead(string text, int floor, int hostStart, int hostEnd, TweetHosts hosts, out HostRun run, out Rejection rejection)
    {
        run = default;
        var kind = hosts.Classify(text.AsSpan(hostStart, hostEnd - hostStart));
        if (kind == HostKind.None)
        {
            rejection = new Rejection(RejectionReason.NotOurHost, text, hostStart, hostEnd - hostStart);
            return false;
        }

        if (hostEnd >= text.Length || text[hostEnd] != '/')
        {
            rejection = new Rejection(RejectionReason.NoPath, text, hostStart, hostEnd - hostStart);
            return false;
        }

        if (!TryReadPrefix(text, floor, hostStart, out var urlStart, out rejection))
        {
            return false;
        }

        run = new HostRun(urlStart, hostStart, hostEnd, kind);
        return true;
    }

    /// <summary>
    /// Finds the host of a whole URL (leading white space, then an optional <c>http://</c>, <c>https://</c> or
    /// <c>//</c>) and reads it as <see cref="TryRead"/> does. The door for single URLs such as <c>href</c> values.
    /// </summary>
    public static bool TryLocate(string url, TweetHosts hosts, out HostRun run, out Rejection rejection) =>
        TryLocateAt(url, 0, hosts, out run, out rejection);

    /// <summary>As <see cref="TryLocate"/>, for a URL that starts at <paramref name="start"/> of a longer text.</summary>
    public static bool TryLocateAt(string url, int start, TweetHosts hosts, out HostRun run, out Rejection rejection)
    {
        while (start < url.Length && CharKinds.IsSpace(url[start]))
        {
            start++;
        }

        var rest = url.AsSpan(start);
        var hostStart = start;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            hostStart += "https://".Length;
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            hostStart += "http://".Length;
        }
        else if (rest.StartsWith("//"))
        {
            hostStart += 2;
        }
        else if (rest.IndexOfAnyExcept(Letters) is var schemeEnd and > 0 && rest[schemeEnd..].StartsWith("://"))
        {
            run = default;
            rejection = Rejection.Url(RejectionReason.UnknownScheme, url, start, start + schemeEnd + 3);
            return false;
        }

        var hostEnd = hostStart;
        while (hostEnd < url.Length && CharKinds.IsHostChar(url[hostEnd]))
        {
            hostEnd++;
        }

        if (hostEnd == hostStart)
        {
            run = default;
            rejection = Rejection.Whole(RejectionReason.NoHost, url);
            return false;
        }

        return TryRead(url, start, hostStart, hostEnd, hosts, out run, out rejection);
    }

    /// <summary>Whether only white space follows <paramref name="end"/>; a single URL must not carry more text.</summary>
    public static bool EndsAt(string url, int end, out Rejection rejection)
    {
        var rest = url.AsSpan(end).TrimEnd();
        rejection = rest.IndexOfAny(Spaces) >= 0 ? Rejection.Whole(RejectionReason.TextAfterUrl, url) : Rejection.None;
        return rejection.Reason == RejectionReason.None;
    }

    /// <summary>
    /// Finds where the URL starts (at its scheme, its <c>//</c> or its host) and judges what is written right before
    /// it: a word it is glued to, a '@', '$' or '#' that makes it an address, mention, cashtag or hashtag, or another
    /// URL whose query it is a value of (<c>?referer=https://t.co/…</c>).
    /// </summary>
    private static bool TryReadPrefix(string text, int floor, int hostStart, out int urlStart, out Rejection rejection)
    {
        urlStart = hostStart;
        rejection = Rejection.None;
        if (hostStart > 0 && text[hostStart - 1] == '/' && !TryReadScheme(text, hostStart, out urlStart, out rejection))
        {
            return false;
        }

        if (urlStart == 0)
        {
            return true;
        }

        var before = CharKinds.Before(text, urlStart);
        rejection = before switch
        {
            '@' or '\uFF20' => Rejection.Around(RejectionReason.EmailOrMention, text, urlStart),
            '$' or '#' or '\uFF04' or '\uFF03' => Rejection.Url(RejectionReason.CashtagOrHashtag, text, urlStart - 1, hostStart),
            '=' or '&' or '+' => Rejection.Around(RejectionReason.InsideOtherUrl, text, urlStart),
            _ when CharKinds.GluesToLink(before) => Rejection.Around(RejectionReason.GluedToWord, text, urlStart),
            _ when UrlContext.IsInQueryOfOtherUrl(text, floor, urlStart) => Rejection.Around(RejectionReason.InsideOtherUrl, text, urlStart),
            _ => Rejection.None,
        };
        return rejection.Reason == RejectionReason.None;
    }

    /// <summary>Accepts <c>http://</c>, <c>https://</c> and protocol-relative <c>//</c> before the host.</summary>
    private static bool TryReadScheme(string text, int hostStart, out int urlStart, out Rejection rejection)
    {
        urlStart = hostStart;
        rejection = Rejection.None;
        if (hostStart < 2 || text[hostStart - 2] != '/')
        {
            rejection = Rejection.Around(RejectionReason.InsideOtherUrl, text, hostStart);
            return false;
        }

        var slashes = hostStart - 2;
        if (slashes == 0 || text[slashes - 1] != ':')
        {
            urlStart = slashes;
            return true;
        }

        var colon = slashes - 1;
        var schemeStart = colon;
        while (schemeStart > 0 && colon - schemeStart < MaxSchemeLength && char.IsAsciiLetter(text[schemeStart - 1]))
        {
            schemeStart--;
        }

        var scheme = text.AsSpan(schemeStart, colon - schemeStart);
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            rejection = Rejection.Url(RejectionReason.UnknownScheme, text, schemeStart, hostStart);
            return false;
        }

        urlStart = schemeStart;
        return true;
    }
}

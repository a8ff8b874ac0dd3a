namespace Archiver.Citations;

/// <summary>The character classes the scanners share, so that every form agrees on what a boundary is.</summary>
internal static class CharKinds
{
    /// <summary>Longest character reference read around a link: <c>&amp;#x1F600;</c>, <c>&amp;eacute;</c>.</summary>
    private const int MaxReferenceLength = 10;

    /// <summary>A character of a host name as people type it: ASCII letters, digits, '.' and '-'.</summary>
    public static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';

    /// <summary>A character of a screen name: ASCII letters, digits and '_'.</summary>
    public static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A character that glues onto a word: any letter or digit, '_' included.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// A character that would make one word with the ASCII letters of a link written against it, so that the link is
    /// part of a longer word (<c>budget_t.co</c>, <c>cafét.co</c>, <c>t.co/abcé</c>): ASCII letters and digits, '_', and
    /// the letters, digits and combining marks of the scripts written in the same words as Latin letters (Latin,
    /// Greek, Cyrillic, Armenian). Letters of scripts that never continue a Latin word (CJK ideographs, kana, Hangul,
    /// Thai, Arabic, Hebrew, Indic and the rest) and the fullwidth forms are boundaries: Japanese, Chinese, Korean
    /// and Thai write links right against their words, with no space.
    /// </summary>
    public static bool GluesToLink(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        var inLatinScripts = c is (>= '\u00C0' and <= '\u058F') or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1D00' and <= '\u1FFF')
            or (>= '\u20D0' and <= '\u20FF') or (>= '\u2C60' and <= '\u2C7F') or (>= '\u2DE0' and <= '\u2DFF')
            or (>= '\uA640' and <= '\uA69F') or (>= '\uA720' and <= '\uA7FF') or (>= '\uAB30' and <= '\uAB6F')
            or (>= '\uFB00' and <= '\uFB06') or (>= '\uFE20' and <= '\uFE2F');
        return inLatinScripts && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark);
    }

    /// <summary>
    /// The character before <paramref name="index"/>, reading a character reference that ends there: raw markup
    /// (and text pasted from it) writes 'é' as <c>&amp;eacute;</c> or <c>&amp;#233;</c>.
    /// </summary>
    public static char Before(string text, int index)
    {
        var c = text[index - 1];
        if (c != ';')
        {
            return c;
        }

        var amp = text.AsSpan(Math.Max(0, index - MaxReferenceLength), Math.Min(index, MaxReferenceLength)).LastIndexOf('&');
        return amp < 0 ? c : Decoded(text, index - Math.Min(index, MaxReferenceLength) + amp, index) ?? c;
    }

    /// <summary>The character at <paramref name="index"/>, reading a character reference that starts there.</summary>
    public static char At(string text, int index)
    {
        var c = text[index];
        if (c != '&')
        {
            return c;
        }

        var semicolon = text.AsSpan(index, Math.Min(text.Length - index, MaxReferenceLength)).IndexOf(';');
        return semicolon < 0 ? c : Decoded(text, index, index + semicolon + 1) ?? c;
    }

    private static char? Decoded(string text, int start, int end)
    {
        var reference = text.AsSpan(start + 1, end - start - 2);
        if (reference.IsEmpty || (!char.IsAsciiLetter(reference[0]) && reference[0] != '#') || reference[1..].ContainsAnyExceptInRange('0', 'z'))
        {
            return null;
        }

        var written = text.Substring(start, end - start);
        var decoded = System.Net.WebUtility.HtmlDecode(written);
        return decoded.Length > 0 && decoded != written ? decoded[0] : null;
    }

    /// <summary>Horizontal or vertical white space, the no-break spaces included.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>White space that does not end a line.</summary>
    public static bool IsInlineSpace(char c) => c != '\n' && c != '\r' && char.IsWhiteSpace(c);

    /// <summary>
    /// A character that may continue a URL after the part we identify (path, query, fragment):
    /// the RFC 3986 characters, so a URL stops at white space, quotes, angle brackets and anything non-ASCII.
    /// </summary>
    public static bool IsUrlChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '%';

    /// <summary>Punctuation that ends a sentence rather than a URL when it is the URL's last character.</summary>
    public static bool IsTrailingPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or ']';
}

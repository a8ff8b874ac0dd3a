namespace Archiver.Citations;

/// <summary>The character classes the scanners share, so that every form agrees on what a boundary is.</summary>
internal static class CharKinds
{
    /// <summary>A character of a host name as people type it: ASCII letters, digits, '.' and '-'.</summary>
    public static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';

    /// <summary>A character of a screen name: ASCII letters, digits and '_'.</summary>
    public static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A character that glues onto a word: any letter or digit, '_' included.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

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

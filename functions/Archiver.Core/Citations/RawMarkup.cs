namespace Archiver.Citations;

/// <summary>
/// Small, bounded look-ups in raw markup: where a tag AngleSharp reported ends, where a candidate region starts and
/// stops, how deep a region nests. They locate regions and source offsets only; reading markup is AngleSharp's job.
/// </summary>
internal static class RawMarkup
{
    /// <summary>Longest start tag we look through (an iframe's src with its query is far shorter).</summary>
    public const int MaxTagLength = 8192;

    private const int MaxCommentLength = 65536;

    /// <summary>
    /// Index just after the '&gt;' that closes the tag starting at <paramref name="lt"/> (quoted attribute values may
    /// hold '&gt;'), or -1 when it does not close within <see cref="MaxTagLength"/>.
    /// </summary>
    public static int TagEnd(string text, int lt)
    {
        var limit = Math.Min(text.Length, lt + MaxTagLength);
        char quote = '\0';
        for (var i = lt + 1; i < limit; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>The '&lt;' of the tag that encloses <paramref name="index"/>, looking back at most <see cref="MaxTagLength"/>; -1 if none.</summary>
    public static int EnclosingTagStart(string text, int index)
    {
        var limit = Math.Max(0, index - MaxTagLength);
        for (var i = index; i >= limit; i--)
        {
            switch (text[i])
            {
                case '<':
                    var end = TagEnd(text, i);
                    return end > index ? i : -1;
                case '>' when i < index:
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>Index just after <c>&lt;/name…&gt;</c> at or after <paramref name="from"/>, searching at most <paramref name="window"/> characters; -1 if absent.</summary>
    public static int CloseTagEnd(string text, int from, string name, int window)
    {
        var length = Math.Min(window, text.Length - from);
        if (length <= 0)
        {
            return -1;
        }

        var at = text.AsSpan(from, length).IndexOf("</" + name, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return -1;
        }

        var close = text.IndexOf('>', from + at);
        return close < 0 ? -1 : close + 1;
    }

    /// <summary>
    /// Skips tags, comments and doctype at <paramref name="position"/>: the index of the next character of text.
    /// </summary>
    public static int SkipTags(string text, int position, int end)
    {
        while (position < end - 1 && text[position] == '<')
        {
            var next = text[position + 1];
            int after;
            if (text.AsSpan(position).StartsWith("<!--"))
            {
                var window = Math.Min(end, position + MaxCommentLength) - position;
                var close = text.AsSpan(position, window).IndexOf("-->");
                after = close < 0 ? -1 : position + close + 3;
            }
            else if (char.IsAsciiLetter(next) || next is '/' or '!' or '?')
            {
                after = TagEnd(text, position);
            }
            else
            {
                break;
            }

            if (after < 0 || after > end)
            {
                break;
            }

            position = after;
        }

        return position;
    }

    /// <summary>
    /// Whether the markup in <paramref name="start"/>..<paramref name="end"/> nests deeper than
    /// <paramref name="maxDepth"/>, by a rough count of start tags against end tags (void and self-closing elements,
    /// and the elements HTML closes implicitly, do not count). AngleSharp's tree construction slows down
    /// quadratically with depth, so such regions are not handed to it.
    /// </summary>
    public static bool NestsDeeperThan(string text, int start, int end, int maxDepth)
    {
        var depth = 0;
        var position = start;
        while (position < end)
        {
            var lt = text.IndexOf('<', position, end - position);
            if (lt < 0 || lt + 1 >= end)
            {
                return false;
            }

            var next = text[lt + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
                position = lt + 2;
                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                position = lt + 1;
                continue;
            }

            var nameEnd = lt + 1;
            while (nameEnd < end && char.IsAsciiLetterOrDigit(text[nameEnd]))
            {
                nameEnd++;
            }

            var tagEnd = TagEnd(text, lt);
            if (tagEnd < 0 || tagEnd > end)
            {
                // An unclosed tag swallows the rest, which then cannot nest any deeper.
                return false;
            }

            var selfClosing = text[tagEnd - 2] == '/';
            if (!selfClosing && !IsUncounted(text.AsSpan(lt + 1, nameEnd - lt - 1)) && ++depth > maxDepth)
            {
                return true;
            }

            position = tagEnd;
        }

        return false;
    }

    private static bool IsUncounted(ReadOnlySpan<char> name) =>
        name.Equals("br", StringComparison.OrdinalIgnoreCase) || name.Equals("img", StringComparison.OrdinalIgnoreCase)
        || name.Equals("hr", StringComparison.OrdinalIgnoreCase) || name.Equals("input", StringComparison.OrdinalIgnoreCase)
        || name.Equals("meta", StringComparison.OrdinalIgnoreCase) || name.Equals("link", StringComparison.OrdinalIgnoreCase)
        || name.Equals("wbr", StringComparison.OrdinalIgnoreCase) || name.Equals("source", StringComparison.OrdinalIgnoreCase)
        || name.Equals("area", StringComparison.OrdinalIgnoreCase) || name.Equals("base", StringComparison.OrdinalIgnoreCase)
        || name.Equals("col", StringComparison.OrdinalIgnoreCase) || name.Equals("embed", StringComparison.OrdinalIgnoreCase)
        || name.Equals("track", StringComparison.OrdinalIgnoreCase) || name.Equals("param", StringComparison.OrdinalIgnoreCase)
        || name.Equals("p", StringComparison.OrdinalIgnoreCase) || name.Equals("li", StringComparison.OrdinalIgnoreCase)
        || name.Equals("dt", StringComparison.OrdinalIgnoreCase) || name.Equals("dd", StringComparison.OrdinalIgnoreCase)
        || name.Equals("tr", StringComparison.OrdinalIgnoreCase) || name.Equals("td", StringComparison.OrdinalIgnoreCase)
        || name.Equals("th", StringComparison.OrdinalIgnoreCase) || name.Equals("option", StringComparison.OrdinalIgnoreCase);
}

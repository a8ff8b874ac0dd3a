namespace Archiver.Citations;

/// <summary>
/// Finds the tweet text a flattened embed quotes before its signature. In flattened articles (the seed article) a
/// tweet's own paragraphs are joined by two or more blank lines (from <c>&lt;br&gt;&lt;br&gt;</c>) or by a plain
/// line break, while article paragraphs are separated by exactly one blank line. So the text is the signature line's
/// own text before the link or dash, plus the lines above it joined that way; one blank line ends it. When the
/// signature line starts with its link or dash, the paragraph just above belongs to the tweet however it is joined.
/// </summary>
internal static class EmbedTextCollector
{
    /// <summary>A tweet is 280 characters, a long post is cut by the embed; this bounds the walk back.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// Where the quoted text starts, for a signature whose own line's text ends at <paramref name="cut"/>; never before
    /// <paramref name="floor"/> (the end of the previous signature). With <paramref name="quoted"/>, Markdown quote
    /// markers count as white space.
    /// </summary>
    public static int FindStart(string text, int cut, int floor, bool quoted)
    {
        var lineStart = LineStart(text, cut, floor, cut);
        var ownLineEmpty = IsBlank(text.AsSpan(lineStart, cut - lineStart), quoted);
        var start = lineStart;
        var first = true;
        while (start > floor && start == LineStart(text, start, floor, cut))
        {
            var gap = start;
            var newlines = 0;
            while (gap > floor && (CharKinds.IsSpace(text[gap - 1]) || (quoted && text[gap - 1] == '>')))
            {
                if (text[gap - 1] == '\n')
                {
                    newlines++;
                }

                gap--;
            }

            var blankLines = newlines - 1;
            if (gap <= floor || newlines == 0 || cut - gap > MaxTextLength
                || !(blankLines == 0 || blankLines >= 2 || (first && ownLineEmpty)))
            {
                break;
            }

            start = LineStart(text, gap, floor, cut);
            first = false;
        }

        return start;
    }

    /// <summary>The start of the line holding <paramref name="position"/>, not before <paramref name="floor"/> nor too far from the cut.</summary>
    private static int LineStart(string text, int position, int floor, int cut)
    {
        var limit = Math.Max(floor, cut - MaxTextLength);
        while (position > limit && text[position - 1] != '\n')
        {
            position--;
        }

        return position;
    }

    private static bool IsBlank(ReadOnlySpan<char> line, bool quoted)
    {
        foreach (var c in line)
        {
            if (!CharKinds.IsSpace(c) && !(quoted && c == '>'))
            {
                return false;
            }
        }

        return true;
    }
}

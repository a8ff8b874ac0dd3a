namespace Archiver.Citations;

/// <summary>
/// Reads the signature of a flattened embed (reference 3.1) around its <c>(@handle)</c>: a dash (<c>—</c>,
/// <c>&amp;mdash;</c> or <c>--</c>, with or without space, or alone on the line above), the display name (which may
/// hold emoji, parentheses and '@'), the handle, and a date right after it. Requiring the date is what tells a
/// signature from a dash-and-handle aside in prose; <see cref="SignatureMatch.EndsLine"/> tells the scanner whether
/// the date also ends its line, as a signature's does. <see cref="Parse"/>, <see cref="TryParse"/> and the scanner share
/// <see cref="TryMatchAt"/>, which says why a candidate is not a signature.
/// </summary>
internal static class EmbedSignatureParser
{
    /// <summary>How far before the handle the dash may be: 50 display characters, emoji flags being 4 code units each.</summary>
    public const int MaxNameLength = 256;

    private static readonly string[] DashEntities = ["&mdash;", "&#8212;", "&#x2014;"];

    /// <summary>Reads a string holding one signature (and possibly text before it); throws <see cref="FormatException"/> saying why not.</summary>
    public static SignatureMatch Parse(string text) =>
        ParseWhole(text, out var match, out var rejection) ? match : throw new FormatException(rejection.Message);

    /// <summary>Reads a string holding one signature (and possibly text before it).</summary>
    public static bool TryParse(string? text, out SignatureMatch match)
    {
        match = default;
        return text is not null && ParseWhole(text, out match, out _);
    }

    /// <summary>Reads the signature whose <c>(@</c> is at <paramref name="paren"/>.</summary>
    public static bool TryMatchAt(string text, int paren, out SignatureMatch match, out Rejection rejection)
    {
        match = default;
        var handleStart = paren + 2;
        var handleEnd = handleStart;
        while (handleEnd < text.Length && handleEnd - handleStart <= StatusUrlParser.MaxScreenNameLength && CharKinds.IsHandleChar(text[handleEnd]))
        {
            handleEnd++;
        }

        var handleLength = handleEnd - handleStart;
        if (handleLength == 0 || handleLength > StatusUrlParser.MaxScreenNameLength || handleEnd >= text.Length || text[handleEnd] != ')')
        {
            rejection = Rejection.Around(RejectionReason.NoHandle, text, paren);
            return false;
        }

        var dateStart = SkipToDate(text, handleEnd + 1);
        if (!SignatureDateParser.TryParse(text, dateStart, out var date, out var dateEnd)
            || (dateEnd < text.Length && CharKinds.IsWordChar(text[dateEnd])))
        {
            rejection = Rejection.Around(RejectionReason.NoDate, text, paren);
            return false;
        }

        var nameEnd = paren;
        while (nameEnd > 0 && CharKinds.IsInlineSpace(text[nameEnd - 1]))
        {
            nameEnd--;
        }

        if (!TryFindDash(text, nameEnd, out var dashStart, out var dashEnd, out var nameStart))
        {
            rejection = Rejection.Around(RejectionReason.NoDash, text, paren);
            return false;
        }

        var name = TextTidy.Line(text.AsSpan(nameStart, nameEnd - nameStart));
        var handle = text[handleStart..handleEnd];
        match = new SignatureMatch(dashStart, dashEnd, name.Length == 0 ? null : name, handle, date, dateEnd, EndsLine(text, dateStart, dateEnd));
        rejection = Rejection.None;
        return true;
    }

    /// <summary>Whether only inline spaces follow the date before the line ends, or the ']' closing the Markdown link it opened.</summary>
    private static bool EndsLine(string text, int dateStart, int dateEnd)
    {
        if (dateStart > 0 && text[dateStart - 1] == '[')
        {
            return dateEnd < text.Length && text[dateEnd] == ']';
        }

        var position = dateEnd;
        while (position < text.Length && CharKinds.IsInlineSpace(text[position]))
        {
            position++;
        }

        return position == text.Length || text[position] is '\n' or '\r';
    }

    /// <summary>After ")": spaces, at most one line break, and the '[' of a Markdown link around the date.</summary>
    private static int SkipToDate(string text, int position)
    {
        var lineBreaks = 0;
        while (position < text.Length && CharKinds.IsSpace(text[position]))
        {
            if (text[position] == '\n' && ++lineBreaks > 1)
            {
                break;
            }

            position++;
        }

        return position < text.Length && text[position] == '[' ? position + 1 : position;
    }

    /// <summary>
    /// Finds the dash nearest before the name on the same line; failing that, a line above that holds only a dash
    /// (the dash on its own line). <paramref name="nameStart"/> is where the display name begins.
    /// </summary>
    private static bool TryFindDash(string text, int nameEnd, out int dashStart, out int dashEnd, out int nameStart)
    {
        var limit = Math.Max(0, nameEnd - MaxNameLength);
        var position = nameEnd;
        while (position > limit && text[position - 1] != '\n')
        {
            if (TryDashEndingAt(text, position, out dashStart))
            {
                dashEnd = nameStart = position;
                return true;
            }

            position--;
        }

        dashStart = dashEnd = nameStart = 0;
        if (position == 0 || text[position - 1] != '\n')
        {
            return false;
        }

        // The line above must hold nothing but a dash.
        nameStart = position;
        var lineEnd = position - 1;
        if (lineEnd > 0 && text[lineEnd - 1] == '\r')
        {
            lineEnd--;
        }

        while (lineEnd > 0 && CharKinds.IsInlineSpace(text[lineEnd - 1]))
        {
            lineEnd--;
        }

        if (!TryDashEndingAt(text, lineEnd, out dashStart))
        {
            return false;
        }

        var lineStart = dashStart;
        while (lineStart > 0 && CharKinds.IsInlineSpace(text[lineStart - 1]))
        {
            lineStart--;
        }

        dashEnd = lineEnd;
        return lineStart == 0 || text[lineStart - 1] == '\n';
    }

    private static bool TryDashEndingAt(string text, int end, out int start)
    {
        start = end;
        if (end == 0)
        {
            return false;
        }

        switch (text[end - 1])
        {
            case '\u2014':
                start = end - 1;
                return true;
            case '-' when end >= 2 && text[end - 2] == '-':
                start = end - 2;
                return true;
            case ';':
                foreach (var entity in DashEntities)
                {
                    if (end >= entity.Length && text.AsSpan(end - entity.Length, entity.Length).Equals(entity, StringComparison.OrdinalIgnoreCase))
                    {
                        start = end - entity.Length;
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool ParseWhole(string text, out SignatureMatch match, out Rejection rejection)
    {
        match = default;
        rejection = Rejection.Whole(RejectionReason.NoSignature, text);
        var paren = text.Length;
        while ((paren = text.AsSpan(0, paren).LastIndexOf("(@")) >= 0)
        {
            if (TryMatchAt(text, paren, out match, out rejection))
            {
                if (text.AsSpan(match.End).IsWhiteSpace())
                {
                    return true;
                }

                rejection = Rejection.Whole(RejectionReason.TextAfterSignature, text);
                return false;
            }
        }

        return false;
    }
}

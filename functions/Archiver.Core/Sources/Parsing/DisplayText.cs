namespace Archiver.Sources;

/// <summary>
/// The visible text of a tweet from its escaped <c>text</c>: slice by <c>display_text_range</c> (code points, counted on
/// the escaped text), clip at the first media link, then decode HTML entities once.
/// </summary>
internal static class DisplayText
{
    /// <param name="escaped">The text as delivered, with <c>&amp;amp;</c> and friends.</param>
    /// <param name="range">The display range in code points; the whole text when null.</param>
    /// <param name="mediaStart">Where the first media link starts, in code points; the range ends there if it reached further.</param>
    public static string Visible(string escaped, (int Start, int End)? range, int? mediaStart)
    {
        var offsets = CodePointOffsets(escaped);
        var count = offsets.Length - 1;
        var start = Math.Clamp(range?.Start ?? 0, 0, count);
        var end = Math.Clamp(range?.End ?? count, start, count);
        var clipped = false;
        if (mediaStart is { } media && media >= start && media <= end)
        {
            end = media;
            clipped = true;
        }

        var slice = escaped[offsets[start]..offsets[end]];

        // The space before a media link is not part of what readers see (and FxTwitter's range leaves it out), whether
        // the range reached into the link or stopped right at it.
        return HtmlEntities.Decode(clipped ? slice.TrimEnd() : slice);
    }

    /// <summary>The UTF-16 offset where each code point starts, plus the text's length at the end. A lone surrogate counts as one.</summary>
    internal static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}

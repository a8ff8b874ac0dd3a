namespace Archiver.Citations;

/// <summary>
/// The visible text of a piece of HTML, as <see cref="HtmlTextFlattener"/> writes it, with a map back into the
/// markup it came from. Each text node's place in the markup is located once; an index inside it is found by walking
/// the node's text and the markup side by side (entities and CR LF accounted for). Queries in increasing order
/// resume where the previous one stopped.
/// </summary>
internal sealed class FlatText(string text, string source, IReadOnlyList<FlatText.Segment> segments)
{
    private const int MaxEntityLength = 32;

    private int cachedSegment = -1;
    private int cachedData;
    private int cachedSource;

    /// <summary>Where one text node went: its first index in <see cref="Text"/>, its data, where the markup holds it, its link.</summary>
    public readonly record struct Segment(int FlatStart, string Data, int SourceStart, string? AnchorHref);

    public string Text => text;

    /// <summary>The index in the markup of the character at <paramref name="flatIndex"/> (best effort; exact for plain text and entities).</summary>
    public int ToSource(int flatIndex)
    {
        var index = SegmentAt(flatIndex);
        if (index < 0)
        {
            return segments.Count == 0 ? 0 : segments[0].SourceStart;
        }

        var segment = segments[index];
        var delta = Math.Min(flatIndex - segment.FlatStart, segment.Data.Length);
        return Align(index, delta);
    }

    /// <summary>The <c>href</c> of the link around the text at <paramref name="flatIndex"/>, if any.</summary>
    public string? AnchorHrefAt(int flatIndex)
    {
        var index = SegmentAt(flatIndex);
        return index >= 0 && flatIndex < segments[index].FlatStart + segments[index].Data.Length ? segments[index].AnchorHref : null;
    }

    /// <summary>Where in <paramref name="source"/> the text <paramref name="data"/> starting at <paramref name="start"/> ends.</summary>
    public static int AlignEnd(string source, int start, string data) => Walk(source, start, data, 0, data.Length);

    private int SegmentAt(int flatIndex)
    {
        int low = 0, high = segments.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (segments[middle].FlatStart <= flatIndex)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private int Align(int index, int delta)
    {
        var segment = segments[index];
        var (from, at) = cachedSegment == index && cachedData <= delta ? (cachedData, cachedSource) : (0, segment.SourceStart);
        var position = Walk(source, at, segment.Data, from, delta, out var reached);
        (cachedSegment, cachedData, cachedSource) = (index, reached, position);
        return position;
    }

    private static int Walk(string source, int position, string data, int from, int to) => Walk(source, position, data, from, to, out _);

    /// <summary>Walks <paramref name="data"/> from <paramref name="from"/> to <paramref name="to"/> alongside the markup; stops at the first mismatch.</summary>
    private static int Walk(string source, int position, string data, int from, int to, out int reached)
    {
        var i = from;
        while (i < to && position < source.Length)
        {
            var d = data[i];
            var s = source[position];
            if (s == '&' && TryEntityEnd(source, position, out var entityEnd))
            {
                position = entityEnd;
                i += char.IsHighSurrogate(d) && i + 1 < data.Length ? 2 : 1;
            }
            else if (s == '\r' && d == '\n')
            {
                position += position + 1 < source.Length && source[position + 1] == '\n' ? 2 : 1;
                i++;
            }
            else if (s == d)
            {
                position++;
                i++;
            }
            else
            {
                break;
            }
        }

        reached = i;
        return position;
    }

    private static bool TryEntityEnd(string source, int amp, out int end)
    {
        end = amp;
        var limit = Math.Min(source.Length, amp + MaxEntityLength);
        for (var i = amp + 1; i < limit; i++)
        {
            var c = source[i];
            if (c == ';')
            {
                end = i + 1;
                return i > amp + 1;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '#')
            {
                return false;
            }
        }

        return false;
    }
}

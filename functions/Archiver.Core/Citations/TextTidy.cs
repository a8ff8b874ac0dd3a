using System.Text;

namespace Archiver.Citations;

/// <summary>Tidies the white space of quoted tweet text and display names.</summary>
internal static class TextTidy
{
    /// <summary>One line: white space runs become one space, ends trimmed.</summary>
    public static string Line(ReadOnlySpan<char> text)
    {
        if (IsTidyLine(text))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        AppendLine(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Several lines: each line tidied as by <see cref="Line"/>, lines kept apart by "\n", runs of blank lines
    /// collapsed to one ("\n\n"), blank lines at either end dropped. With <paramref name="quoted"/>, Markdown quote
    /// markers ('&gt;') at the start of each line are removed first. Returns null when nothing is left.
    /// </summary>
    public static string? Block(ReadOnlySpan<char> text, bool quoted)
    {
        if (IsTidyLine(text) && !(quoted && text.StartsWith('>')))
        {
            return text.IsEmpty ? null : text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var pendingBreak = "";
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].Trim();
            if (quoted)
            {
                line = line.TrimStart('>').Trim();
            }

            if (line.IsEmpty)
            {
                pendingBreak = builder.Length == 0 ? "" : "\n\n";
                continue;
            }

            builder.Append(pendingBreak);
            AppendLine(builder, line);
            pendingBreak = "\n";
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>No white space but single spaces between words.</summary>
    private static bool IsTidyLine(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendLine(StringBuilder builder, ReadOnlySpan<char> line)
    {
        var start = builder.Length;
        var space = false;
        foreach (var c in line)
        {
            if (CharKinds.IsSpace(c))
            {
                space = builder.Length > start;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }
    }
}

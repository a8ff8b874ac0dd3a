namespace Archiver.Citations;

/// <summary>Where a URL ends once the part that identifies the tweet has been read.</summary>
internal static class UrlTail
{
    /// <summary>
    /// Extends over path, query and fragment characters from <paramref name="start"/>. A ')' that closes nothing
    /// ends the URL (Markdown's <c>[t](url)</c>, prose in parentheses), and sentence punctuation at the very end is
    /// left out, as twitter-text does.
    /// </summary>
    public static int Extend(string text, int start)
    {
        var depth = 0;
        var end = start;
        while (end < text.Length)
        {
            var c = text[end];
            if (!CharKinds.IsUrlChar(c))
            {
                break;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }

            end++;
        }

        while (end > start && (CharKinds.IsTrailingPunctuation(text[end - 1]) || text[end - 1] == '('))
        {
            end--;
        }

        return end;
    }
}

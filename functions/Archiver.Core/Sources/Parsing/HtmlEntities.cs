using System.Globalization;
using System.Text;

namespace Archiver.Sources;

/// <summary>
/// Undoes the escaping the tweet APIs apply to <c>text</c>: <c>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;#39; &amp;apos;</c>
/// and numeric references, in one left-to-right pass (so <c>&amp;amp;lt;</c> becomes <c>&amp;lt;</c>, not <c>&lt;</c>).
/// Anything else, including named entities the APIs never emit, is left as written.
/// </summary>
internal static class HtmlEntities
{
    private const int LongestReference = 10; // "&#x10FFFF;"

    public static string Decode(string text)
    {
        var amp = text.IndexOf('&', StringComparison.Ordinal);
        if (amp < 0)
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        decoded.Append(text, 0, amp);
        var i = amp;
        while (i < text.Length)
        {
            if (text[i] == '&' && TryReadReference(text, i, out var replacement, out var length))
            {
                decoded.Append(replacement);
                i += length;
            }
            else
            {
                decoded.Append(text[i]);
                i++;
            }
        }

        return decoded.ToString();
    }

    private static bool TryReadReference(string text, int start, out string replacement, out int length)
    {
        replacement = "";
        length = 0;
        var semicolon = text.IndexOf(';', start + 1, Math.Min(LongestReference, text.Length - start - 1));
        if (semicolon < 0)
        {
            return false;
        }

        var name = text.AsSpan(start + 1, semicolon - start - 1);
        string? value = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" or "#39" => "'",
            _ => Numeric(name),
        };
        if (value is null)
        {
            return false;
        }

        replacement = value;
        length = semicolon - start + 1;
        return true;
    }

    private static string? Numeric(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name[0] != '#')
        {
            return null;
        }

        var hex = name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        var parsed = hex
            ? int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out codePoint);
        return parsed && codePoint > 0 && Rune.IsValid(codePoint) ? char.ConvertFromUtf32(codePoint) : null;
    }
}

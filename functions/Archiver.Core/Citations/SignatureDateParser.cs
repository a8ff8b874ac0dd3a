using System.Collections.Frozen;

namespace Archiver.Citations;

/// <summary>
/// Reads the date an embed prints after the handle, in the embed's language (reference 2.3):
/// English "January 7, 2022" first, then day-first forms such as German "3. Januar 2013", French "7 janvier 2022",
/// Spanish "7 de enero de 2022" (also Italian, Portuguese, Dutch), and Japanese "2018年3月21日".
/// </summary>
internal static class SignatureDateParser
{
    private const int FirstYear = 2006;
    private const int LastYear = 2199;
    private const int MaxMonthWordLength = 12;
    private const int MaxSpaceRun = 4;

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months = BuildMonths();

    /// <summary>Reads a date starting exactly at <paramref name="start"/>; <paramref name="end"/> is just after it.</summary>
    public static bool TryParse(string text, int start, out DateOnly date, out int end)
    {
        date = default;
        end = start;
        if (start >= text.Length)
        {
            return false;
        }

        return char.IsAsciiDigit(text[start])
            ? TryParseDayFirst(text, start, out date, out end) || TryParseJapanese(text, start, out date, out end)
            : TryParseMonthFirst(text, start, out date, out end);
    }

    /// <summary>Reads a string that holds a date and nothing else but white space (a date link's text).</summary>
    public static bool TryParseWhole(string text, out DateOnly date)
    {
        var start = 0;
        while (start < text.Length && CharKinds.IsSpace(text[start]))
        {
            start++;
        }

        return TryParse(text, start, out date, out var end) && text.AsSpan(end).IsWhiteSpace();
    }

    /// <summary>"January 7, 2022", "Jan. 7 2022".</summary>
    private static bool TryParseMonthFirst(string text, int position, out DateOnly date, out int end)
    {
        date = default;
        end = position;
        if (!TryReadMonth(text, ref position, out var month) || !SkipSpaces(text, ref position, required: true)
            || !TryReadNumber(text, ref position, 1, 2, out var day))
        {
            return false;
        }

        var comma = position < text.Length && text[position] == ',';
        if (comma)
        {
            position++;
        }

        if (!SkipSpaces(text, ref position, required: !comma) || !TryReadYear(text, ref position, out var year))
        {
            return false;
        }

        end = position;
        return TryMakeDate(year, month, day, out date);
    }

    /// <summary>"3. Januar 2013", "7 janvier 2022", "1er mars 2022", "7 de enero de 2022".</summary>
    private static bool TryParseDayFirst(string text, int position, out DateOnly date, out int end)
    {
        date = default;
        end = position;
        if (!TryReadNumber(text, ref position, 1, 2, out var day))
        {
            return false;
        }

        var dotted = position < text.Length && text[position] == '.';
        if (dotted)
        {
            position++;
        }
        else if (text.AsSpan(position).StartsWith("er", StringComparison.OrdinalIgnoreCase))
        {
            position += 2;
        }

        if (!SkipSpaces(text, ref position, required: !dotted))
        {
            return false;
        }

        SkipWord(text, ref position, "de");
        if (!TryReadMonth(text, ref position, out var month))
        {
            return false;
        }

        var comma = position < text.Length && text[position] == ',';
        if (comma)
        {
            position++;
        }

        if (!SkipSpaces(text, ref position, required: true))
        {
            return false;
        }

        SkipWord(text, ref position, "de");
        if (!TryReadYear(text, ref position, out var year))
        {
            return false;
        }

        end = position;
        return TryMakeDate(year, month, day, out date);
    }

    /// <summary>"2018年3月21日".</summary>
    private static bool TryParseJapanese(string text, int position, out DateOnly date, out int end)
    {
        date = default;
        end = position;
        if (!TryReadNumber(text, ref position, 4, 4, out var year) || !Expect(text, ref position, '年')
            || !TryReadNumber(text, ref position, 1, 2, out var month) || !Expect(text, ref position, '月')
            || !TryReadNumber(text, ref position, 1, 2, out var day) || !Expect(text, ref position, '日'))
        {
            return false;
        }

        end = position;
        return year is >= FirstYear and <= LastYear && month is >= 1 and <= 12 && TryMakeDate(year, month, day, out date);
    }

    private static bool TryReadMonth(string text, ref int position, out int month)
    {
        month = 0;
        var start = position;
        while (position < text.Length && position - start <= MaxMonthWordLength && char.IsLetter(text[position]))
        {
            position++;
        }

        var word = text.AsSpan(start, position - start);
        if (word.IsEmpty || word.Length > MaxMonthWordLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (!Months.TryGetValue(lower, out month))
        {
            return false;
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
        }

        return true;
    }

    private static bool TryReadYear(string text, ref int position, out int year) =>
        TryReadNumber(text, ref position, 4, 4, out year) && year is >= FirstYear and <= LastYear;

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> ASCII digits not followed by another digit.</summary>
    private static bool TryReadNumber(string text, ref int position, int min, int max, out int value)
    {
        value = 0;
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (position - start == max)
            {
                return false;
            }

            value = (value * 10) + (text[position] - '0');
            position++;
        }

        return position - start >= min;
    }

    private static bool SkipSpaces(string text, ref int position, bool required)
    {
        var start = position;
        while (position < text.Length && position - start < MaxSpaceRun && CharKinds.IsInlineSpace(text[position]))
        {
            position++;
        }

        return !required || position > start;
    }

    /// <summary>Skips a connecting word such as Spanish "de" when it stands alone and is followed by space.</summary>
    private static void SkipWord(string text, ref int position, string word)
    {
        var after = position + word.Length;
        if (text.AsSpan(position).StartsWith(word, StringComparison.OrdinalIgnoreCase)
            && after < text.Length && CharKinds.IsInlineSpace(text[after]))
        {
            position = after;
            SkipSpaces(text, ref position, required: false);
        }
    }

    private static bool Expect(string text, ref int position, char c)
    {
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private static bool TryMakeDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "januar", "jänner", "janner", "janvier", "enero", "ene", "gennaio", "janeiro", "januari"],
            ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari"],
            ["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "maio", "mei"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro", "set"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var month = 0; month < names.Length; month++)
        {
            foreach (var name in names[month])
            {
                months.Add(name, month + 1);
            }
        }

        return months.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}

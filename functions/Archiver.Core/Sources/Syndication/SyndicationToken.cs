using System.Globalization;
using System.Text;

namespace Archiver.Sources;

/// <summary>
/// The <c>token</c> query value of <c>tweet-result</c>, as the official embed script derives it from the id:
/// <c>(Number(id) / 1e15 * Math.PI).toString(36)</c> with every <c>0</c> and the <c>.</c> removed.
/// </summary>
internal static class SyndicationToken
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int Radix = 36;

    /// <summary>Longest id accepted, as react-tweet does before calling.</summary>
    public const int MaxIdLength = 40;

    /// <summary>The token for a decimal tweet id. Ids above 2^53 lose precision on the way, as they do in JavaScript.</summary>
    /// <exception cref="ArgumentException">The id is empty, longer than 40 characters or not all ASCII digits.</exception>
    public static string Compute(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is 0 or > MaxIdLength || !id.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A tweet id is 1 to {MaxIdLength} ASCII digits; got '{id}'.", nameof(id));
        }

        var value = double.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture) / 1e15 * Math.PI;
        return ToRadix36(value).Replace("0", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// V8's <c>DoubleToRadixCString</c> for a finite, non-negative value: the shortest base-36 text that reads back
    /// as the same double (fraction digits stop once the remainder is below half the gap to the next double).
    /// </summary>
    internal static string ToRadix36(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite, non-negative values are supported.");
        }

        var integer = Math.Floor(value);
        var fraction = value - integer;
        var delta = Math.Max(0.5 * (Math.BitIncrement(value) - value), double.Epsilon);

        var fractionDigits = new StringBuilder();
        if (fraction >= delta)
        {
            do
            {
                fraction *= Radix;
                delta *= Radix;
                var digit = (int)fraction;
                fractionDigits.Append(Digits[digit]);
                fraction -= digit;
                if ((fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) && fraction + delta > 1)
                {
                    integer += RoundUp(fractionDigits);
                    break;
                }
            }
            while (fraction >= delta);
        }

        var text = new StringBuilder();
        text.Append(IntegerDigits(integer));
        if (fractionDigits.Length > 0)
        {
            text.Append('.').Append(fractionDigits);
        }

        return text.ToString();
    }

    /// <summary>Adds one to the last fraction digit, dropping digits that overflow; returns 1 when the carry reaches the integer part.</summary>
    private static int RoundUp(StringBuilder fractionDigits)
    {
        while (fractionDigits.Length > 0)
        {
            var last = fractionDigits.Length - 1;
            var digit = Digits.IndexOf(fractionDigits[last], StringComparison.Ordinal);
            if (digit + 1 < Radix)
            {
                fractionDigits[last] = Digits[digit + 1];
                return 0;
            }

            fractionDigits.Length = last;
        }

        return 1;
    }

    private static string IntegerDigits(double integer)
    {
        var digits = new StringBuilder();

        // Digits below the double's precision are written as zeros, as V8 does.
        while (integer / Radix >= 9007199254740992.0)
        {
            integer /= Radix;
            digits.Insert(0, '0');
        }

        do
        {
            var remainder = integer % Radix;
            digits.Insert(0, Digits[(int)remainder]);
            integer = (integer - remainder) / Radix;
        }
        while (integer > 0);

        return digits.ToString();
    }
}

using System.Globalization;

namespace Archiver.Archive;

/// <summary>Reads a setting written as comma-separated TimeSpans (<c>00:05:00,00:15:00</c>), as README documents them.</summary>
internal static class TimeSpanList
{
    /// <summary>The list, or null when the setting is absent or blank (the default stands).</summary>
    /// <exception cref="InvalidOperationException">An entry is not a TimeSpan or is negative; the message names <paramref name="key"/>.</exception>
    public static TimeSpan[]? Parse(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(entry =>
            TimeSpan.TryParse(entry, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
                ? value
                : throw new InvalidOperationException($"{key}: '{entry}' is not a duration of zero or more; write TimeSpans such as 00:05:00, comma-separated."))];
    }
}

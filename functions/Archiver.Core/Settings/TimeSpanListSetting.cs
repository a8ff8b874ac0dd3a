using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Archiver.Settings;

/// <summary>
/// Reads a list of TimeSpans in both documented forms: one comma-separated value (<c>Archiver__Recheck__Intervals=00:10:00,01:00:00</c>)
/// or one key per position (<c>…__Intervals__0</c>, <c>…__Intervals__1</c>). Either replaces the defaults; the configuration
/// binder alone ignores the first and appends the second to them.
/// </summary>
internal static class TimeSpanListSetting
{
    /// <summary>The list, or null when the setting is absent or blank (the default stands).</summary>
    /// <exception cref="InvalidOperationException">An entry is not a TimeSpan; the message names its key.</exception>
    public static TimeSpan[]? Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        if (section.Value is { } list)
        {
            return string.IsNullOrWhiteSpace(list)
                ? null
                : [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(item => Parse(item, key))];
        }

        var positions = section.GetChildren()
            .Select(child => (Index: int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1, Child: child))
            .ToArray();
        if (positions.Length == 0)
        {
            return null;
        }

        if (positions.FirstOrDefault(p => p.Index < 0) is { Child: { } stray })
        {
            throw new InvalidOperationException($"{key} is written either as one comma-separated value or as {key}:0, {key}:1 …; '{stray.Path}' is neither.");
        }

        return [.. positions.OrderBy(p => p.Index).Select(p => Parse(p.Child.Value, p.Child.Path))];
    }

    private static TimeSpan Parse(string? text, string key) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{key}: '{text}' is not a duration; write TimeSpans such as 00:10:00 or 1.00:00:00, comma-separated.");
}

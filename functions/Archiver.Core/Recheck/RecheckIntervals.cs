using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Archiver.Recheck;

/// <summary>
/// Reads <c>Archiver:Recheck:Intervals</c> in both documented forms: one comma-separated value
/// (<c>Archiver__Recheck__Intervals=00:10:00,01:00:00</c>) or one key per position (<c>…__Intervals__0</c>). Either
/// replaces the defaults; the configuration binder alone ignores the first and appends the second to them.
/// </summary>
internal static class RecheckIntervals
{
    public const string Key = RecheckOptions.Section + ":" + nameof(RecheckOptions.Intervals);

    public static void Apply(RecheckOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        if (section.Value is { } list)
        {
            options.Intervals = list.Split(',', StringSplitOptions.TrimEntries).Select(item => Parse(item, Key)).ToArray();
            return;
        }

        var positions = section.GetChildren()
            .Select(child => (Index: int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1, child))
            .ToArray();
        if (positions.Length == 0)
        {
            return;
        }

        if (positions.Any(p => p.Index < 0))
        {
            throw new InvalidOperationException($"{Key} is written either as one comma-separated value or as {Key}:0, {Key}:1 …; '{positions.First(p => p.Index < 0).child.Path}' is neither.");
        }

        options.Intervals = positions.OrderBy(p => p.Index).Select(p => Parse(p.child.Value, p.child.Path)).ToArray();
    }

    private static TimeSpan Parse(string? text, string key) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval)
            ? interval
            : throw new InvalidOperationException($"{key}: '{text}' is not a duration; write TimeSpans such as 00:10:00 or 1.00:00:00, comma-separated.");
}

using System.Globalization;
using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// Defensive reads of upstream JSON: a missing member, <c>null</c> or a value of the wrong kind reads as absent, and
/// numbers and booleans are also accepted as strings (the sources send <c>"1739184567000"</c> and the like).
/// </summary>
internal static class JsonFields
{
    public static JsonElement? GetMember(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? GetObjectOrNull(this JsonElement element, string name) =>
        element.GetMember(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The elements of an array member; none when the member is missing (empty arrays are omitted since 2026-05).</summary>
    public static IEnumerable<JsonElement> EnumerateArrayOrEmpty(this JsonElement element, string name) =>
        element.GetMember(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>A string member; a number member reads as its exact JSON text (so a numeric id keeps every digit).</summary>
    public static string? GetStringOrNull(this JsonElement element, string name) =>
        element.GetMember(name) switch
        {
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => null,
        };

    public static long? GetInt64OrNull(this JsonElement element, string name) =>
        element.GetMember(name) is { } value ? AsInt64(value) : null;

    public static int? GetInt32OrNull(this JsonElement element, string name) =>
        element.GetInt64OrNull(name) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public static double? GetDoubleOrNull(this JsonElement element, string name) =>
        element.GetMember(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var number) => number,
            { ValueKind: JsonValueKind.String } value when double.TryParse(
                value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };

    public static bool? GetBoolOrNull(this JsonElement element, string name) =>
        element.GetMember(name) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var flag) => flag,
            _ => null,
        };

    /// <summary>A <c>[start, end]</c> pair such as <c>indices</c> or <c>display_text_range</c>.</summary>
    public static (int Start, int End)? GetRangeOrNull(this JsonElement element, string name)
    {
        if (element.GetMember(name) is not { ValueKind: JsonValueKind.Array } value || value.GetArrayLength() < 2)
        {
            return null;
        }

        return AsInt64(value[0]) is { } start and >= 0 and <= int.MaxValue && AsInt64(value[1]) is { } end and >= 0 and <= int.MaxValue
            ? ((int)start, (int)end)
            : null;
    }

    /// <summary>An array of ids, written as strings or numbers.</summary>
    public static IReadOnlyList<string> GetIdListOrEmpty(this JsonElement element, string name) =>
        [.. element.EnumerateArrayOrEmpty(name)
            .Select(item => item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Number => item.GetRawText(),
                _ => null,
            })
            .OfType<string>()];

    private static long? AsInt64(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                return number;
            case JsonValueKind.Number when value.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9.2e18:
                return (long)real;
            case JsonValueKind.String when long.TryParse(
                value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                return null;
        }
    }
}

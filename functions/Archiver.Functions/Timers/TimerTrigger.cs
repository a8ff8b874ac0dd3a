using System.Globalization;
using System.Text.Json;

namespace Archiver.Functions.Timers;

/// <summary>What a timer function learns about the firing: whether it was missed, and the host's schedule status.</summary>
public sealed record TimerTrigger(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next, DateTimeOffset? HostUtcNow)
{
    public static TimerTrigger Standalone(DateTimeOffset? last, DateTimeOffset next) => new(false, last, next, null);

    /// <summary>
    /// Reads the timer binding (named <paramref name="bindingName"/>) out of the host's payload. Never fails: a missing
    /// or odd member just leaves that value unknown, because the payload must not stop the run.
    /// </summary>
    public static TimerTrigger FromInvocation(TimerInvocation invocation, string bindingName)
    {
        var timer = Member(invocation.Data, bindingName);
        var status = Member(timer, "ScheduleStatus");
        var sys = Member(invocation.Metadata, "sys");
        return new TimerTrigger(
            IsPastDue: Member(timer, "IsPastDue") is { } pastDue && (pastDue.ValueKind == JsonValueKind.True || (pastDue.ValueKind == JsonValueKind.String && bool.TryParse(pastDue.GetString(), out var b) && b)),
            Last: Instant(Member(status, "Last")),
            Next: Instant(Member(status, "Next")),
            HostUtcNow: Instant(Member(sys, "UtcNow")));
    }

    /// <summary>Lenient timestamp reading: ISO 8601 with or without offset (taken as UTC), US-style dates, Unix seconds.</summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static DateTimeOffset? Instant(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => ParseInstant(element.Value.GetString()),
        JsonValueKind.Number => ParseInstant(element.Value.GetRawText()),
        _ => null,
    };

    private static JsonElement? Member(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}

using Archiver.Functions.Timers;

namespace Archiver.Tests.Timers;

public sealed class TimerTriggerTests
{
    [Theory]
    [InlineData("2026-11-25T09:00:00Z", "2026-11-25T09:00:00Z")]
    [InlineData("2026-11-25T09:00:00.1234567+00:00", "2026-11-25T09:00:00.1234567Z")]
    [InlineData("2026-11-25T10:00:00+01:00", "2026-11-25T09:00:00Z")]
    [InlineData("2026-11-25T09:00:00", "2026-11-25T09:00:00Z")]
    [InlineData("11/25/2026 09:00:00", "2026-11-25T09:00:00Z")]
    [InlineData("1795597200", "2026-11-25T09:00:00Z")]
    public void ParseInstant_FormatsSeenFromHosts_ReadAsUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimerTrigger.ParseInstant(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData(null)]
    public void ParseInstant_Unreadable_IsNull(string? text) => Assert.Null(TimerTrigger.ParseInstant(text));
}

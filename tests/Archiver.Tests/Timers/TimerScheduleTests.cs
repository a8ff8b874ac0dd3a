using Archiver.Functions.Timers;
using Microsoft.Extensions.Configuration;

namespace Archiver.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void TryResolve_SettingReference_ReadsTheSettingWrittenWithColons()
    {
        var ok = TimerSchedule.TryResolve("%Archiver__Recheck__Schedule%", Config(("Archiver:Recheck:Schedule", "0 0 3 * * *")), out var schedule, out _);

        Assert.True(ok);
        Assert.Equal("0 0 3 * * *", schedule!.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TryResolve_SettingMissing_SaysWhichSetting()
    {
        var ok = TimerSchedule.TryResolve("%Archiver__Recheck__Schedule%", Config(), out _, out var problem);

        Assert.False(ok);
        Assert.Equal("the schedule names the setting Archiver__Recheck__Schedule, which is not defined.", problem);
    }

    [Fact]
    public void TryResolve_LiteralSchedule_IsUsedAsWritten()
    {
        Assert.True(TimerSchedule.TryResolve("*/10 * * * * *", Config(), out var schedule, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 10, TimeSpan.Zero), schedule!.NextAfter(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TryParse_NotCron_SaysWhy()
    {
        Assert.False(TimerSchedule.TryParse("every quarter hour", out _, out var problem));
        Assert.StartsWith("'every quarter hour' is not an NCRONTAB schedule", problem);
    }
}

using System.Threading.Channels;
using Archiver.Functions.Timers;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Archiver.Tests.Timers;

/// <summary>Standalone, the app fires RecheckLinks itself on the schedule its function.json declares.</summary>
public sealed class StandaloneTimerSchedulerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Scheduler_ScheduleFromSetting_FiresAtEachOccurrence()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 5, TimeSpan.Zero));
        var recorder = new RecordingTimer();
        await using var app = await ArchiverApp.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Archiver:Recheck:Schedule"] = "0 */15 * * * *" },
            services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.RemoveAll<ITimerFunction>();
                services.AddSingleton<ITimerFunction>(recorder);
            });

        await time.AdvanceWhenArmedAsync(new TimeSpan(0, 14, 55));
        var first = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);
        await time.AdvanceWhenArmedAsync(TimeSpan.FromMinutes(15));
        var second = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Null(first.Last);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero), first.Next);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 15, 0, TimeSpan.Zero), second.Last);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 45, 0, TimeSpan.Zero), second.Next);
        Assert.False(first.IsPastDue);
    }

    [Fact]
    public async Task Scheduler_FunctionThrows_KeepsFiring()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var recorder = new RecordingTimer { FailFirst = true };
        await using var app = await ArchiverApp.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Archiver:Recheck:Schedule"] = "*/10 * * * * *" },
            services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.RemoveAll<ITimerFunction>();
                services.AddSingleton<ITimerFunction>(recorder);
            });

        await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(10));
        await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);
        await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(10));
        var second = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 10, TimeSpan.Zero), second.Last);
    }

    /// <summary>Stands in for RecheckLinks to observe when and with what the scheduler fires it.</summary>
    private sealed class RecordingTimer : ITimerFunction
    {
        private readonly Channel<TimerTrigger> runs = Channel.CreateUnbounded<TimerTrigger>();
        private int count;

        public bool FailFirst { get; init; }

        public ChannelReader<TimerTrigger> Runs => runs.Reader;

        public string Name => "RecheckLinks";

        public string DefaultSchedule => "0 0 0 1 1 *";

        public Task<IReadOnlyList<string>> RunAsync(TimerTrigger trigger, CancellationToken cancellationToken)
        {
            runs.Writer.TryWrite(trigger);
            return Interlocked.Increment(ref count) == 1 && FailFirst ? throw new InvalidOperationException("planned failure") : Task.FromResult<IReadOnlyList<string>>(["ran"]);
        }
    }
}

using System.Threading.Channels;
using Archiver.Functions.Hosting;
using Archiver.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archiver.Tests.Timers;

/// <summary>Standalone, the app fires each timer [Function] itself on the schedule its [TimerTrigger] declares.</summary>
public sealed class StandaloneTimerSchedulerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Scheduler_ScheduleFromSetting_FiresAtEachOccurrence()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 5, TimeSpan.Zero));
        var recorder = new TimerRecorder();
        await using var app = await StartAsync(time, recorder, "0 */15 * * * *");

        await time.AdvanceWhenArmedAsync(new TimeSpan(0, 14, 55));
        var first = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);
        await time.AdvanceWhenArmedAsync(TimeSpan.FromMinutes(15));
        var second = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DateTime.MinValue, first.ScheduleStatus!.Last);
        Assert.Equal(new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc), first.ScheduleStatus.Next);
        Assert.Equal(new DateTime(2026, 11, 25, 9, 15, 0, DateTimeKind.Utc), second.ScheduleStatus!.Last);
        Assert.Equal(new DateTime(2026, 11, 25, 9, 45, 0, DateTimeKind.Utc), second.ScheduleStatus.Next);
        Assert.False(first.IsPastDue);
    }

    [Fact]
    public async Task Scheduler_FunctionThrows_KeepsFiring()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var recorder = new TimerRecorder { FailFirst = true };
        await using var app = await StartAsync(time, recorder, "*/10 * * * * *");

        await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(10));
        await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);
        await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(10));
        var second = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DateTime(2026, 11, 25, 9, 0, 10, DateTimeKind.Utc), second.ScheduleStatus!.Last);
    }

    [Fact]
    public async Task App_NoScheduleSetting_FiresRecheckLinksOnTheDefault()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 5, TimeSpan.Zero));
        var recorder = new TimerRecorder();
        await using var app = await StartAsync(time, recorder, schedule: null);

        await time.AdvanceWhenArmedAsync(new TimeSpan(0, 14, 55));
        var first = await recorder.Runs.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc), first.ScheduleStatus!.Next);
    }

    /// <summary>The app with its function catalog replaced by one timer that records its runs.</summary>
    private Task<ArchiverApp> StartAsync(TimeProvider time, TimerRecorder recorder, string? schedule) =>
        ArchiverApp.StartAsync(
            azurite,
            schedule is null ? null : new Dictionary<string, string?> { ["Archiver:Recheck:Schedule"] = schedule },
            services =>
            {
                services.AddSingleton(time);
                services.AddSingleton(recorder);
                services.RemoveAll<FunctionCatalog>();
                services.AddSingleton(FunctionCatalog.From([typeof(RecordingTimer)]));
            });

    public sealed class TimerRecorder
    {
        private readonly Channel<TimerInfo> runs = Channel.CreateUnbounded<TimerInfo>();
        private int count;

        public bool FailFirst { get; init; }

        public ChannelReader<TimerInfo> Runs => runs.Reader;

        public void Record(TimerInfo timer)
        {
            runs.Writer.TryWrite(timer);
            if (Interlocked.Increment(ref count) == 1 && FailFirst)
            {
                throw new InvalidOperationException("planned failure");
            }
        }
    }

    /// <summary>Stands in for RecheckLinks (same trigger) to observe when and with what the scheduler fires it.</summary>
    public sealed class RecordingTimer(TimerRecorder recorder)
    {
        [Function("RecheckLinks")]
        public Task RunAsync([TimerTrigger("%Archiver__Recheck__Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
        {
            recorder.Record(timer);
            return Task.CompletedTask;
        }
    }
}

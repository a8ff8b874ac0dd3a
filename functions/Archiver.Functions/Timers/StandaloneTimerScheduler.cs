using Archiver.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Timers;

/// <summary>
/// Standalone only: fires each timer <c>[Function]</c> on the schedule its <c>[TimerTrigger]</c> declares, with
/// <c>%Setting%</c> resolved from configuration as the host resolves it from app settings. One loop per function, so a
/// run never overlaps the next one of the same function; each run gets its own service scope, as an invocation does.
/// </summary>
internal sealed class StandaloneTimerScheduler(
    HostingMode mode,
    FunctionCatalog catalog,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<StandaloneTimerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.UnderHost)
        {
            return Task.CompletedTask;
        }

        var loops = new List<Task>();
        foreach (var function in catalog.Timers)
        {
            if (!TimerSchedule.TryResolve(function.Timer!.Schedule, configuration, out var schedule, out var problem))
            {
                throw new InvalidOperationException($"Timer {function.Name}: {problem}");
            }

            loops.Add(RunLoopAsync(function, schedule, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(FunctionDescriptor function, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        var next = schedule.NextAfter(time.GetUtcNow());
        if (next is not null)
        {
            Log.TimerScheduled(logger, function.Name, schedule.Text, next.Value);
        }

        while (next is { } due && !stoppingToken.IsCancellationRequested)
        {
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var following = schedule.NextAfter(due) ?? due;
            Log.TimerFired(logger, function.Name, following);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await function.InvokeAsync(scope.ServiceProvider, Info(last, following), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.TimerFailed(logger, function.Name, e);
            }

            last = due;
            var now = time.GetUtcNow();
            next = schedule.NextAfter(now > due ? now : due);
        }
    }

    /// <summary>What the host's schedule monitor would report for this firing.</summary>
    private TimerInfo Info(DateTimeOffset? last, DateTimeOffset following) => new()
    {
        IsPastDue = false,
        ScheduleStatus = new ScheduleStatus
        {
            Last = last?.UtcDateTime ?? DateTime.MinValue,
            Next = following.UtcDateTime,
            LastUpdated = time.GetUtcNow().UtcDateTime,
        },
    };
}

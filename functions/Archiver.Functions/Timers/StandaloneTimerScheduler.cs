using Archiver.Functions.Hosting;

namespace Archiver.Functions.Timers;

/// <summary>
/// Standalone only: fires each timer function on the schedule its function.json declares, as the host would. One loop
/// per function, so a run never overlaps the next one of the same function.
/// </summary>
internal sealed class StandaloneTimerScheduler(
    HostingMode mode,
    FunctionManifest manifest,
    IEnumerable<ITimerFunction> functions,
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
        foreach (var definition in manifest.Timers)
        {
            var function = functions.FirstOrDefault(f => f.Name == definition.Name)
                ?? throw new InvalidOperationException($"function.json declares timer {definition.Name}, but no code serves it.");
            if (!TimerSchedule.TryResolve(definition.Schedule, configuration, function.DefaultSchedule, out var schedule, out var problem))
            {
                throw new InvalidOperationException($"Timer {definition.Name}: {problem}");
            }

            loops.Add(RunLoopAsync(function, schedule, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(ITimerFunction function, TimerSchedule schedule, CancellationToken stoppingToken)
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
                foreach (var line in await function.RunAsync(TimerTrigger.Standalone(last, following), stoppingToken))
                {
                    Log.TimerLog(logger, function.Name, line);
                }
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
}

namespace Archiver.Functions.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>The scheduler that fires the timer functions when no Functions host does.</summary>
    public static IServiceCollection AddStandaloneTimers(this IServiceCollection services)
    {
        services.AddHostedService<StandaloneTimerScheduler>();
        return services;
    }
}

namespace Archiver.Functions.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>The timer functions, and the scheduler that fires them when no Functions host does.</summary>
    public static IServiceCollection AddTimerFunctions(this IServiceCollection services)
    {
        services.AddSingleton<ITimerFunction, RecheckLinksFunction>();
        services.AddHostedService<StandaloneTimerScheduler>();
        return services;
    }
}

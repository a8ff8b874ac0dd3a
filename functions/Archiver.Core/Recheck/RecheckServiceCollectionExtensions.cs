using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Recheck;

public static class RecheckServiceCollectionExtensions
{
    public static IServiceCollection AddRecheck(this IServiceCollection services)
    {
        services.AddOptions<RecheckOptions>()
            .BindConfiguration(RecheckOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DueIndex>();
        services.AddSingleton<CheckLog>();
        services.AddSingleton<RecheckSchedule>();
        services.AddTransient<TweetRechecker>();
        services.AddTransient<RecheckRun>();
        return services;
    }
}

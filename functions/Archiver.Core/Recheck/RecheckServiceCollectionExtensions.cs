using Archiver.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

public static class RecheckServiceCollectionExtensions
{
    public static IServiceCollection AddRecheck(this IServiceCollection services)
    {
        services.AddOptions<RecheckOptions>()
            .BindSettings(RecheckOptions.Section)
            .Configure<IConfiguration>(RecheckIntervals.Apply);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecheckOptions>, RecheckOptionsValidator>());
        services.AddSingleton<DueIndex>();
        services.AddSingleton<CheckLog>();
        services.AddSingleton<RecheckSchedule>();
        services.AddTransient<TweetRechecker>();
        services.AddTransient<RecheckRun>();
        return services;
    }
}

using Archiver.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

public static class RecheckServiceCollectionExtensions
{
    /// <summary>Re-checks over time: the due index, the runs, on-demand re-checks. Needs <c>AddArchive</c>, whose recorder records each check.</summary>
    public static IServiceCollection AddRecheck(this IServiceCollection services)
    {
        services.AddOptions<RecheckOptions>().BindSettings(RecheckOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecheckOptions>, RecheckOptionsValidator>());
        services.AddSingleton<DueIndex>();
        services.AddSingleton<RecheckSchedule>();
        services.AddTransient<TweetRechecker>();
        services.AddTransient<RecheckRun>();
        return services;
    }
}

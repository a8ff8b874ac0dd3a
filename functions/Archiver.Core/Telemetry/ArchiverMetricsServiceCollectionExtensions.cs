using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archiver.Telemetry;

public static class ArchiverMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ArchiverMetrics"/> on the DI meter factory. Safe to call from every feature that records
    /// metrics; instruments cost next to nothing until a listener (the exporter) subscribes.
    /// </summary>
    public static IServiceCollection AddArchiverMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ArchiverMetrics>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Archiver.Settings;
using Microsoft.Extensions.Options;

namespace Archiver.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the evidence side: <see cref="EvidenceOptions"/> (validated at start), the Time-Stamp Authority client,
    /// <see cref="SnapshotTimestamper"/> and <see cref="WaczWriter"/>.
    /// </summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindSettings(EvidenceOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvidenceOptions>, EvidenceOptionsValidator>());
        // No retries here: a timestamp that fails waits for the next RecheckLinks run, never holds up a capture.
        services.AddHttpClient<TimestampClient>(TimestampClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.TryAddTransient<SnapshotTimestamper>();
        services.TryAddTransient<WaczWriter>();
        return services;
    }
}

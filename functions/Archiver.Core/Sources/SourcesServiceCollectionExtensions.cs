using Archiver.Settings;
using Archiver.Telemetry;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the upstream side of Sources: <see cref="UpstreamOptions"/> (validated at start), the allow-list, one
    /// HttpClient with a resilience pipeline per logical upstream host, <see cref="ShortLinkResolver"/>,
    /// <see cref="TweetFetcher"/> and <see cref="MediaFetcher"/>.
    /// </summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<UpstreamOptions>().BindSettings(UpstreamOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpstreamOptions>, UpstreamOptionsValidator>());
        services.TryAddSingleton<UpstreamHosts>();
        services.TryAddSingleton<UpstreamHealth>();
        services.TryAddSingleton<UpstreamConnector>();
        services.TryAddTransient<BodyCapHandler>();
        services.TryAddTransient<ProgressHandler>();

        var upstream = services.AddHttpClient<UpstreamClient>(UpstreamClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = provider.GetRequiredService<UpstreamConnector>().ConnectAsync,
            })
            .RemoveAllLoggers(); // UpstreamClient logs each failed call once, in one line
        upstream.AddResilienceHandler(UpstreamClient.HttpClientName, static (builder, context) =>
            UpstreamPipeline.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<UpstreamOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetRequiredService<UpstreamHealth>(),
                context.InstanceName,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<UpstreamClient>()))
            .SelectPipelineBy(static _ => UpstreamRequest.HostOf);

        // Added after the resilience handler, so it runs inside each attempt.
        upstream.AddHttpMessageHandler<ProgressHandler>();
        upstream.AddHttpMessageHandler<BodyCapHandler>();

        services.AddQuietResilienceTelemetry();

        services.TryAddTransient<ShortLinkResolver>();
        services.TryAddTransient<TweetFetcher>();
        services.TryAddTransient<MediaFetcher>();
        return services;
    }
}

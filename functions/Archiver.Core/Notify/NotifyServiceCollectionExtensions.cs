using Archiver.Settings;
using Archiver.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Archiver.Notify;

public static class NotifyServiceCollectionExtensions
{
    public static IServiceCollection AddNotify(this IServiceCollection services)
    {
        services.AddOptions<NotifyOptions>()
            .BindSettings(NotifyOptions.Section)
            .Validate(
                options => options.WebhookUrl is null || (options.WebhookUrl.IsAbsoluteUri && options.WebhookUrl.Scheme is "http" or "https"),
                $"{NotifyOptions.Section}:{nameof(NotifyOptions.WebhookUrl)} must be an absolute http(s) URL such as https://hooks.example.org/archiver.");
        services.AddQuietResilienceTelemetry();
        services.AddHttpClient(WebhookNotifier.HttpClientName)
            .RemoveAllLoggers() // WebhookNotifier logs each undelivered event once
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                resilience.Retry.MaxRetryAttempts = 4;
                resilience.Retry.Delay = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotifyOptions>>().Value.RetryBaseDelay;
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            });
        services.AddSingleton<WebhookNotifier>();
        services.AddSingleton<IChangeNotifier>(provider => provider.GetRequiredService<WebhookNotifier>());
        services.AddHostedService(provider => provider.GetRequiredService<WebhookNotifier>());
        return services;
    }
}

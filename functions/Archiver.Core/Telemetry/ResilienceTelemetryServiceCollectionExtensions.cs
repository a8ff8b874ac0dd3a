using Microsoft.Extensions.DependencyInjection;
using Polly.Telemetry;

namespace Archiver.Telemetry;

public static class ResilienceTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Polly's own log of each resilience event (every retry, timeout and circuit change, with the exception and its
    /// stack) goes to Debug. Those failures are expected; the archiver logs each one itself in one line that says what
    /// happens next. The events still count in the Polly meter.
    /// </summary>
    public static IServiceCollection AddQuietResilienceTelemetry(this IServiceCollection services) =>
        services.Configure<TelemetryOptions>(options => options.SeverityProvider = args =>
            args.Event.Severity > ResilienceEventSeverity.Debug ? ResilienceEventSeverity.Debug : args.Event.Severity);
}

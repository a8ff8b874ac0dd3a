using Archiver.Telemetry;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Archiver.Functions.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>App setting that switches export on; Bicep sets it, local runs and tests leave it unset.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD</c> (and optionally <c>ClientId=…</c>) when the resource refuses key-based ingestion.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Traces (incoming requests, upstream and storage calls) and metrics (the same, plus the Archiver and Polly
    /// meters) exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, and nothing
    /// otherwise. Logs are not exported here: they go to stdout/stderr, which the Functions host already forwards.
    /// The instrumentations redact query-string values, and no header is recorded, so <c>code</c> and
    /// <c>x-functions-key</c> stay out. Under the Functions host (<paramref name="underHost"/>), the worker's own
    /// defaults join in (Microsoft.Azure.Functions.Worker.OpenTelemetry): a span per invocation, parented on the host's
    /// trace context, and the Functions resource attributes; host.json's <c>telemetryMode</c> has the host export in
    /// OpenTelemetry too.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, bool underHost)
    {
        builder.Services.AddArchiverMetrics();
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var credential = IngestionCredential(builder.Configuration[AuthenticationStringSetting]);
        void Configure(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            options.Credential = credential;

            // Keep every trace. The exporter's default rate limiter starts with an empty budget, so it drops the
            // requests that arrive just after a start: on a scale-to-zero app, that is most of them.
            options.TracesPerSecond = null;
            options.SamplingRatio = 1.0F;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        if (underHost)
        {
            telemetry.UseFunctionsWorkerDefaults();
        }

        telemetry
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["WEBSITE_SITE_NAME"] ?? "archiver",
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddAzureMonitorTraceExporter(Configure))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter([.. ArchiverMetrics.MeterNames])
                .AddAzureMonitorMetricExporter(Configure));
        return builder;
    }

    /// <summary>
    /// The managed identity named by the authentication string (the same setting the host reads), or none when
    /// ingestion uses the connection string's key.
    /// </summary>
    internal static TokenCredential? IngestionCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}

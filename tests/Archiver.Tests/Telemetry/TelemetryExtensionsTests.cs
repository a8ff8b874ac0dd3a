using Archiver.Functions.Telemetry;
using Archiver.Telemetry;
using Archiver.Tests.Infrastructure;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Archiver.Tests.Telemetry;

public sealed class TelemetryExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddTelemetry_NoConnectionString_ExportsNothing()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<ArchiverMetrics>());
    }

    [Fact]
    public async Task AddTelemetry_ConnectionString_ExportsRequestsAndArchiverAndPollyMetrics()
    {
        // The exporter's own usage statistics would go to a Microsoft endpoint: tests stay on loopback.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        await using var ingestion = await FakeIngestion.StartAsync(TestContext.Current.CancellationToken);
        var app = await ArchiverApp.StartAsync(
            azurite,
            new Dictionary<string, string?> { [TelemetryExtensions.ConnectionStringSetting] = ingestion.ConnectionString },
            services => services.AddHttpClient("flaky").AddStandardResilienceHandler(options =>
            {
                options.Retry.Delay = TimeSpan.FromMilliseconds(1);
                options.Retry.UseJitter = false;
            }));
        bool exported;
        try
        {
            using var client = app.Client();
            using var health = await client.GetAsync("/api/health?code=not-logged", TestContext.Current.CancellationToken);
            var metrics = app.Services.GetRequiredService<ArchiverMetrics>();
            metrics.ArchiveOutcome("archived");
            metrics.RecheckOutcome("unchanged");
            var flaky = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("flaky");
            using var unavailable = await flaky.GetAsync(new Uri(ingestion.Address, "/unavailable"), TestContext.Current.CancellationToken);

            // Traces leave in batches seconds apart and metrics once a minute: flush both now, as a shutdown would.
            Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
            exported = await ingestion.WaitUntilAsync(
                () => ingestion.OfType("RequestData").Any(r => r.GetProperty("url").GetString()!.Contains("/api/health", StringComparison.Ordinal))
                    && ingestion.MetricNames.Contains(ArchiverMetrics.ArchiveOutcomes),
                TimeSpan.FromSeconds(10),
                TestContext.Current.CancellationToken);
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.True(exported, $"Exported: {ingestion.OfType("RequestData").Count()} requests; metrics {string.Join(", ", ingestion.MetricNames.Distinct())}.");
        Assert.Contains(ingestion.OfType("RequestData"), request => request.GetProperty("url").GetString()!.EndsWith("/api/health?code=Redacted", StringComparison.Ordinal));
        Assert.Contains(ArchiverMetrics.ArchiveOutcomes, ingestion.MetricNames);
        Assert.Contains(ArchiverMetrics.RecheckOutcomes, ingestion.MetricNames);
        Assert.Contains("resilience.polly.strategy.events", ingestion.MetricNames);
        Assert.All(ingestion.Payloads, payload => Assert.DoesNotContain("not-logged", payload, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001")]
    public void IngestionCredential_NotEntra_IsNone(string? authenticationString)
    {
        Assert.Null(TelemetryExtensions.IngestionCredential(authenticationString));
    }

    [Theory]
    [InlineData("Authorization=AAD")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD")]
    [InlineData(" authorization = aad ; ")]
    public void IngestionCredential_Entra_IsTheManagedIdentity(string authenticationString)
    {
        Assert.IsType<ManagedIdentityCredential>(TelemetryExtensions.IngestionCredential(authenticationString));
    }
}

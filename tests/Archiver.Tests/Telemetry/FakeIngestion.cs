using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archiver.Tests.Telemetry;

/// <summary>
/// Stands in for Application Insights ingestion on a loopback port: accepts what the Azure Monitor exporter posts to
/// <c>/v2.1/track</c> (newline-delimited JSON envelopes, gzip or not) and keeps every payload for the test to read.
/// It answers on loopback only, so exporting tests never leave the machine.
/// </summary>
public sealed class FakeIngestion : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> payloads = new();

    private FakeIngestion(WebApplication app) => this.app = app;

    /// <summary>Base address; <c>GET /unavailable</c> always answers 503, for driving a resilience pipeline's retries.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A connection string that sends the exporter here (the instrumentation key is made up).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Every payload received so far, decompressed.</summary>
    public IReadOnlyList<string> Payloads => payloads.ToArray();

    /// <summary>Every telemetry envelope received so far.</summary>
    public IReadOnlyList<JsonElement> Envelopes =>
        Payloads.SelectMany(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line))
            .ToArray();

    public static async Task<FakeIngestion> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ingestion = new FakeIngestion(app);
        app.MapPost("/v2.1/track", ingestion.TrackAsync);
        app.MapGet("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        ingestion.Address = new Uri(address);
        ingestion.ConnectionString = $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={address}/";
        return ingestion;
    }

    /// <summary>Envelopes whose data is of the given base type, such as <c>RequestData</c> or <c>MetricData</c>.</summary>
    public IEnumerable<JsonElement> OfType(string baseType) =>
        Envelopes.Where(e => e.TryGetProperty("data", out var data) && data.GetProperty("baseType").GetString() == baseType)
            .Select(e => e.GetProperty("data").GetProperty("baseData"));

    /// <summary>Names of every metric received.</summary>
    public IEnumerable<string> MetricNames =>
        OfType("MetricData").SelectMany(d => d.GetProperty("metrics").EnumerateArray()).Select(m => m.GetProperty("name").GetString()!);

    /// <summary>Polls <paramref name="received"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> received, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!received())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> TrackAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        buffer.Position = 0;
        Stream body = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(buffer, CompressionMode.Decompress)
            : buffer;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync();
        payloads.Enqueue(payload);
        var count = payload.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return Results.Json(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() });
    }
}

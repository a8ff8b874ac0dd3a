using Archiver.Archive;
using Archiver.Functions.Hosting;
using Archiver.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// <c>GET /api/health</c> (and <c>HEAD</c>, as monitors probe): anonymous; whether blob storage answers, what this server last saw of each upstream host,
/// and whether the API wants a key (so the page asks for one only then).
/// </summary>
public static class HealthApi
{
    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(
        ArchiveContainer archive, UpstreamHealth upstream, IConfiguration configuration, HostingMode mode, CancellationToken cancellationToken)
    {
        var storage = await archive.ProbeAsync(cancellationToken);
        var keyRequired = mode.UnderHost || !string.IsNullOrEmpty(configuration["Archiver:ApiKey"]);
        var report = new HealthReport(storage.Reachable ? "ok" : "degraded", storage, keyRequired, upstream.Snapshot());
        return storage.Reachable
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <param name="KeyRequired">Whether the other endpoints want a key (<c>x-functions-key</c> or <c>?code=</c>).</param>
/// <param name="Upstream">Each upstream host as this server last saw it.</param>
public sealed record HealthReport(string Status, StorageProbe Storage, bool KeyRequired, IReadOnlyList<UpstreamHostState> Upstream);

using Archiver.Archive;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Endpoints;

/// <summary><c>GET /api/health</c>: anonymous; whether blob storage answers.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", GetHealthAsync).WithName("Health").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(ArchiveContainer archive, CancellationToken cancellationToken)
    {
        var storage = await archive.ProbeAsync(cancellationToken);
        var report = new HealthReport(storage.Reachable ? "ok" : "degraded", storage);
        return storage.Reachable
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(string Status, StorageProbe Storage);

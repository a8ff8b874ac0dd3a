using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions.Articles;
using Archiver.Functions.Errors;
using Archiver.Recheck;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Endpoints;

/// <summary><c>POST /api/archive</c> and <c>GET /api/submissions/{id}</c>: archive every tweet an article cites.</summary>
public static class ArchiveApi
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/archive", ArchiveAsync).WithName("Archive");
        routes.MapGet("/api/submissions/{id}", GetSubmissionAsync).WithName("GetSubmission");
        return routes;
    }

    private static async Task<Results<Ok<SubmissionView>, Accepted<SubmissionView>, JsonHttpResult<ApiError>>> ArchiveAsync(
        HttpRequest request, ArticleReader reader, CitationExtractor extractor, SubmissionProcessor processor, RecheckSchedule schedule, CancellationToken cancellationToken)
    {
        if (!TryReadFlag(request, "refresh", out var refresh))
        {
            return ApiErrors.BadRequest("invalid_query", "refresh must be true or false.");
        }

        var read = await reader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var citations = extractor.Extract(read.Article.Text, read.Article.Format);
        var submission = SubmissionView.Of(await processor.SubmitAsync(citations, refresh, cancellationToken), schedule.NextRun());
        return submission.Status == "pending"
            ? TypedResults.Accepted(submission.Self, submission)
            : TypedResults.Ok(submission);
    }

    private static async Task<Results<Ok<SubmissionView>, JsonHttpResult<ApiError>>> GetSubmissionAsync(string id, ArchiveStore store, RecheckSchedule schedule, CancellationToken cancellationToken)
    {
        if (!IsSubmissionId(id) || await store.ReadSubmissionAsync(id, cancellationToken) is not { } stored)
        {
            return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"No submission '{id}'.");
        }

        return TypedResults.Ok(SubmissionView.Of(stored.Value, schedule.NextRun()));
    }

    private static bool IsSubmissionId(string id) =>
        id.Length == 27 && id[14] == '-' && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' || c == '-');

    internal static bool TryReadFlag(HttpRequest request, string name, out bool value)
    {
        value = false;
        var text = request.Query[name].FirstOrDefault();
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out value);
    }
}

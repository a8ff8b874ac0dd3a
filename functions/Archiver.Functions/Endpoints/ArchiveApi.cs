using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions.Articles;
using Archiver.Functions.Background;
using Archiver.Functions.Errors;
using Archiver.Progress;
using Archiver.Recheck;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Endpoints;

/// <summary><c>POST /api/archive</c> and <c>GET /api/submissions/{id}</c>: archive every tweet an article cites.</summary>
public static class ArchiveApi
{
    internal static async Task<Results<Ok<SubmissionView>, Accepted<SubmissionView>, JsonHttpResult<ApiError>>> ArchiveAsync(
        HttpRequest request, ArticleReader reader, CitationExtractor extractor, SubmissionProcessor processor, SubmissionWorker worker,
        ArchiveStore store, RecheckSchedule schedule, IOptions<ArchiveOptions> options, TimeProvider time, CancellationToken cancellationToken)
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
        if (citations.Count > options.Value.MaxCitations)
        {
            return ApiErrors.Create(StatusCodes.Status413PayloadTooLarge, "too_many_citations",
                $"The article cites {citations.Count} tweets; one submission takes at most {options.Value.MaxCitations}. Split the article and submit each part.");
        }

        if (citations.Count == 0)
        {
            // Nothing to archive, so nothing is stored.
            return TypedResults.Ok(SubmissionView.Empty(time.GetUtcNow()));
        }

        var page = read.Article.Fetched is { } fetched
            ? fetched.Page with { Raw = await store.PutRawAsync(fetched.Page.Sha256, fetched.Body, fetched.Page.ContentType, cancellationToken) }
            : null;
        if (RespondAsync(request))
        {
            // Answered at once; the work goes on after the answer, and GET /api/submissions/{id}/events shows it.
            var created = await processor.CreateAsync(citations, refresh, cancellationToken, page);
            worker.Enqueue(created.Value.Id);
            request.HttpContext.Response.Headers["Preference-Applied"] = "respond-async";
            var accepted = SubmissionView.Of(created.Value, schedule.NextRun());
            return accepted.Status == "pending" ? TypedResults.Accepted(accepted.Self, accepted) : TypedResults.Ok(accepted);
        }

        var submission = SubmissionView.Of(await processor.SubmitAsync(citations, refresh, cancellationToken, page), schedule.NextRun());
        return submission.Status == "pending"
            ? TypedResults.Accepted(submission.Self, submission)
            : TypedResults.Ok(submission);
    }

    internal static async Task<Results<Ok<SubmissionView>, JsonHttpResult<ApiError>>> GetSubmissionAsync(string id, ArchiveStore store, RecheckSchedule schedule, CancellationToken cancellationToken)
    {
        if (!IsSubmissionId(id) || await store.ReadSubmissionAsync(id, cancellationToken) is not { } stored)
        {
            return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"No submission '{id}'.");
        }

        return TypedResults.Ok(SubmissionView.Of(stored.Value, schedule.NextRun()));
    }

    internal static async Task<Results<Ok<SubmissionListView>, JsonHttpResult<ApiError>>> ListSubmissionsAsync(
        int? pageSize, string? continuationToken, ArchiveStore store, RecheckSchedule schedule, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > 50)
        {
            return ApiErrors.BadRequest("invalid_query", "pageSize must be between 1 and 50.");
        }

        string? marker = null;
        if (!string.IsNullOrEmpty(continuationToken) && !ListingToken.TryUnwrap(continuationToken, "submissions", out marker, out var problem))
        {
            return ApiErrors.BadRequest("invalid_query", problem);
        }

        try
        {
            var (submissions, next) = await store.ListSubmissionsAsync(pageSize ?? 20, marker, cancellationToken);
            var nextRun = schedule.NextRun();
            return TypedResults.Ok(new SubmissionListView([.. submissions.Select(s => SubmissionView.Of(s, nextRun))], ListingToken.Wrap(next, "submissions")));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 400)
        {
            return ApiErrors.BadRequest("invalid_query", "continuationToken is not a token this listing gave out; start again without it.");
        }
    }

    internal static async Task<IResult> GetSubmissionEventsAsync(
        string id, ArchiveStore store, ProgressFeeds feeds, RecheckSchedule schedule, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!IsSubmissionId(id) || await store.ReadSubmissionAsync(id, cancellationToken) is not { } stored)
        {
            return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"No submission '{id}'.");
        }

        return TypedResults.ServerSentEvents(SubmissionEvents.StreamAsync(stored, store, feeds, schedule, time, cancellationToken));
    }

    /// <summary><c>Prefer: respond-async</c> (RFC 7240): answer 202 at once and do the work after the answer.</summary>
    private static bool RespondAsync(HttpRequest request) =>
        request.Headers["Prefer"].Any(value => value?.Split(',').Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)) == true);

    private static bool IsSubmissionId(string id) =>
        id.Length == 27 && id[14] == '-' && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' || c == '-');

    internal static bool TryReadFlag(HttpRequest request, string name, out bool value)
    {
        value = false;
        var text = request.Query[name].FirstOrDefault();
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out value);
    }
}

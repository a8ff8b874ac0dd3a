using Archiver.Functions.Endpoints;
using Archiver.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Functions;

/// <summary>Archive, ListSubmissions, GetSubmission and GetSubmissionEvents: archive every tweet an article cites, and follow the submissions.</summary>
public sealed class ArchiveFunctions(HandlerRunner handlers)
{
    [Function("Archive")]
    public Task<IResult> Archive([HttpTrigger(AuthorizationLevel.Function, "post", Route = "archive")] HttpRequest request) =>
        handlers.RunAsync(request, ArchiveApi.ArchiveAsync);

    [Function("ListSubmissions")]
    public Task<IResult> ListSubmissions([HttpTrigger(AuthorizationLevel.Function, "get", Route = "submissions")] HttpRequest request) =>
        handlers.RunAsync(request, ArchiveApi.ListSubmissionsAsync);

    [Function("GetSubmission")]
    public Task<IResult> GetSubmission([HttpTrigger(AuthorizationLevel.Function, "get", Route = "submissions/{id}")] HttpRequest request) =>
        handlers.RunAsync(request, ArchiveApi.GetSubmissionAsync);

    /// <summary>Server-Sent Events; under the host, the worker's own Kestrel streams them through the host's HTTP proxy.</summary>
    [Function("GetSubmissionEvents")]
    public Task<IResult> GetSubmissionEvents([HttpTrigger(AuthorizationLevel.Function, "get", Route = "submissions/{id}/events")] HttpRequest request) =>
        handlers.RunAsync(request, ArchiveApi.GetSubmissionEventsAsync);
}

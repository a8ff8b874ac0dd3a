using Archiver.Functions.Endpoints;
using Archiver.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Functions;

/// <summary>Extract: the citations an article makes; nothing fetched or stored.</summary>
public sealed class ExtractFunctions(HandlerRunner handlers)
{
    [Function("Extract")]
    public Task<IResult> Extract([HttpTrigger(AuthorizationLevel.Function, "post", Route = "extract")] HttpRequest request) =>
        handlers.RunAsync(request, ExtractApi.ExtractAsync);
}

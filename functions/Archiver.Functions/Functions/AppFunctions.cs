using Archiver.Functions.Endpoints;
using Archiver.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Functions;

/// <summary>App: the page for people, anonymous (it asks for the key itself when the API wants one).</summary>
public sealed class AppFunctions(HandlerRunner handlers)
{
    [Function("App")]
    public Task<IResult> App([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/{*path}")] HttpRequest request) =>
        handlers.RunAsync(request, AppApi.GetAsset);
}

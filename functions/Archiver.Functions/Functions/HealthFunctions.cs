using Archiver.Functions.Endpoints;
using Archiver.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Functions;

/// <summary>Health: anonymous, so that a probe needs no key.</summary>
public sealed class HealthFunctions(HandlerRunner handlers)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request) =>
        handlers.RunAsync(request, HealthApi.GetHealthAsync);
}

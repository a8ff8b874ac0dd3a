using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Hosting;

/// <summary>
/// Standalone only: serves every HTTP <c>[Function]</c> method on <c>/api/{Route}</c> with the methods its
/// <c>[HttpTrigger]</c> names (anonymous where its level is Anonymous, else behind <c>Archiver:ApiKey</c>), and runs a
/// non-HTTP function on <c>POST /admin/functions/{name}</c>, the path the Functions host offers for that, answering
/// once the run has ended.
/// </summary>
public static class StandaloneFunctions
{
    public static WebApplication MapFunctions(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        foreach (var function in catalog.HttpFunctions)
        {
            RequestDelegate invoke = async context =>
            {
                if (await function.InvokeAsync(context.RequestServices, context.Request, context.RequestAborted) is IResult result)
                {
                    await result.ExecuteAsync(context);
                }
            };
            var endpoint = function.Methods.Count == 0
                ? app.Map(function.PublicPath, invoke)
                : app.MapMethods(function.PublicPath, function.Methods, invoke);
            endpoint.WithName(function.Name);
            if (function.IsAnonymous)
            {
                endpoint.AllowAnonymous();
            }
        }

        foreach (var function in catalog.Timers)
        {
            app.MapPost($"/admin/functions/{function.Name}", async context =>
                {
                    var report = await function.InvokeAsync(context.RequestServices, new TimerInfo { IsPastDue = false }, context.RequestAborted);
                    await context.Response.WriteAsJsonAsync(new AdminInvocation(function.Name, report as IReadOnlyList<string> ?? []), FunctionsJsonContext.Default.AdminInvocation, cancellationToken: context.RequestAborted);
                })
                .WithName($"{function.Name}Admin")
                .ExcludeFromDescription();
        }

        return app;
    }
}

/// <summary>The standalone answer to <c>POST /admin/functions/{name}</c>: the run's summary lines.</summary>
public sealed record AdminInvocation(string Function, IReadOnlyList<string> Logs);

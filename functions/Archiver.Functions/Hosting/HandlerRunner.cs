using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;

namespace Archiver.Functions.Hosting;

/// <summary>
/// Runs an endpoint handler (a static method in <c>Endpoints/</c>) for a <c>[Function]</c> invocation. The handler's
/// parameters are bound as minimal APIs bind them (route values, query, body, services, the cancellation token) and its
/// typed result is written to the response, under the host (the request the host proxied to the worker's Kestrel) and
/// standalone alike. So a <c>[Function]</c> method is one line, and a handler's signature can change without it.
/// </summary>
public sealed class HandlerRunner(IServiceProvider services, HostingMode mode)
{
    private readonly ConcurrentDictionary<MethodInfo, RequestDelegate> delegates = new();

    /// <summary>Runs the handler, which writes the response; answers an empty result, as there is nothing left to write.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, Delegate handler)
    {
        var run = delegates.GetOrAdd(handler.Method, _ => RequestDelegateFactory.Create(handler, new RequestDelegateFactoryOptions { ServiceProvider = services }).RequestDelegate);
        var context = request.HttpContext;
        if (!mode.UnderHost)
        {
            // Standalone, the app's own exception handler and status-code pages wrap every endpoint.
            await run(context);
            return Results.Empty;
        }

        try
        {
            await run(context);
            return Results.Empty;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Under the host the invocation runs beside the worker's HTTP pipeline, not inside it: the caller gets the
            // API's error shape from here, and the host still records the invocation as failed.
            foreach (var exceptionHandler in context.RequestServices.GetServices<IExceptionHandler>())
            {
                if (await exceptionHandler.TryHandleAsync(context, e, context.RequestAborted))
                {
                    break;
                }
            }

            throw;
        }
    }
}

using System.Text.Json;
using Archiver.Functions.Errors;
using Archiver.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Timers;

/// <summary>
/// <c>POST /{FunctionName}</c> for every timer function: the host's invocation contract (payload mode). Standalone the
/// same route lets tests and operators drive a run exactly as the host would.
/// </summary>
public static class TimerInvocationApi
{
    public static WebApplication MapTimerInvocations(this WebApplication app)
    {
        var manifest = app.Services.GetRequiredService<FunctionManifest>();
        foreach (var definition in manifest.Timers)
        {
            app.MapPost($"/{definition.Name}", (HttpRequest request, IEnumerable<ITimerFunction> functions, CancellationToken cancellationToken) =>
                    InvokeAsync(definition, functions, request, cancellationToken))
                .WithName($"{definition.Name}Invocation")
                .ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<Results<JsonHttpResult<InvocationResult>, JsonHttpResult<ApiError>>> InvokeAsync(
        FunctionDefinition definition, IEnumerable<ITimerFunction> functions, HttpRequest request, CancellationToken cancellationToken)
    {
        var function = functions.Single(f => f.Name == definition.Name);
        TimerInvocation? invocation;
        try
        {
            invocation = request.ContentLength is 0
                ? new TimerInvocation(null, null)
                : await JsonSerializer.DeserializeAsync(request.Body, FunctionsJsonContext.Default.TimerInvocation, cancellationToken);
        }
        catch (JsonException e)
        {
            return ApiErrors.BadRequest("malformed_json", $"The invocation body is not JSON: {e.Message}");
        }

        var trigger = TimerTrigger.FromInvocation(invocation ?? new TimerInvocation(null, null), definition.BindingName);
        var logs = await function.RunAsync(trigger, cancellationToken);
        return TypedResults.Json(new InvocationResult(new Dictionary<string, object?>(), logs, null), FunctionsJsonContext.Default.InvocationResult);
    }
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Hosting;

/// <summary>
/// One <c>[Function]</c> method as its trigger attribute declares it: the same facts the Worker SDK writes into
/// functions.metadata for the host, read here for standalone serving.
/// </summary>
public sealed record FunctionDescriptor
{
    /// <summary><c>extensions.http.routePrefix</c>: host.json leaves it at its default.</summary>
    public const string RoutePrefix = "api";

    public required string Name { get; init; }

    public required MethodInfo Method { get; init; }

    public HttpTriggerAttribute? Http { get; init; }

    public TimerTriggerAttribute? Timer { get; init; }

    /// <summary>HTTP: the route under the prefix; the function's name when the attribute gives none, as the host does.</summary>
    public string? Route => Http is null ? null : Http.Route ?? Name;

    /// <summary>HTTP: upper-case methods; empty means every method.</summary>
    public IReadOnlyList<string> Methods => Http?.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? [];

    public bool IsAnonymous => Http?.AuthLevel == AuthorizationLevel.Anonymous;

    public string PublicPath => $"/{RoutePrefix}/{Route}";

    /// <summary>
    /// Calls the method as the worker would: a fresh instance of its class from <paramref name="services"/>, the
    /// trigger value, and the cancellation token (its only other parameter). Answers a <c>Task</c>'s result, if any.
    /// </summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, object trigger, CancellationToken cancellationToken)
    {
        var instance = Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, Method.DeclaringType!);
        var arguments = Method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? cancellationToken : trigger).ToArray();
        var task = (Task)Method.Invoke(instance, arguments)!;
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archiver.Functions.Timers;

/// <summary>
/// The host's invocation request for a timer: <c>{Data: {timer: {Schedule, ScheduleStatus, IsPastDue}}, Metadata: {sys}}</c>.
/// Kept as raw JSON and read leniently: the timestamps have been seen in more than one format and are informational.
/// </summary>
public sealed record TimerInvocation(
    [property: JsonPropertyName("Data")] JsonElement? Data,
    [property: JsonPropertyName("Metadata")] JsonElement? Metadata);

/// <summary>The host's expected answer: 200, JSON, <c>{Outputs, Logs, ReturnValue}</c>.</summary>
public sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);

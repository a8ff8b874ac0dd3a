using System.Text.Json;

namespace Archiver.Tests.Hosting;

/// <summary>One function as the Worker SDK's functions.metadata (or the worker's FunctionMetadataResponse) describes it.</summary>
public sealed record WorkerFunction(string Name, string Trigger, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? Schedule)
{
    public bool IsHttp => Trigger.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsTimer => Trigger.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a function from its raw bindings: JSON objects as the host receives them.</summary>
    public static WorkerFunction FromBindings(string name, IEnumerable<string> rawBindings)
    {
        foreach (var raw in rawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            var root = binding.RootElement;
            if (!Text(root, "direction")!.Equals("in", StringComparison.OrdinalIgnoreCase) || !Text(root, "type")!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return new WorkerFunction(
                name,
                Text(root, "type")!,
                Text(root, "route"),
                Property(root, "methods") is { ValueKind: JsonValueKind.Array } methods ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray() : [],
                Text(root, "authLevel"),
                Text(root, "schedule"));
        }

        throw new InvalidOperationException($"{name} has no trigger binding.");
    }

    /// <summary>Every function in a functions.metadata file.</summary>
    public static IReadOnlyList<WorkerFunction> ParseMetadataFile(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(f => FromBindings(f.GetProperty("name").GetString()!, f.GetProperty("bindings").EnumerateArray().Select(b => b.GetRawText()).ToArray()))
            .ToArray();
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject().Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static string? Text(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

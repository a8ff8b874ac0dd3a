using System.Text.Json;

namespace Archiver.Functions.Hosting;

/// <summary>
/// The functions of this app as the Functions host sees them: one folder per function under the script root, each
/// with its function.json. The standalone scheduler and the contract tests read the same files the host reads.
/// </summary>
public sealed class FunctionManifest(IReadOnlyList<FunctionDefinition> functions)
{
    /// <summary>host.json leaves <c>extensions.http.routePrefix</c> at its default.</summary>
    public const string RoutePrefix = "api";

    public IReadOnlyList<FunctionDefinition> Functions => functions;

    public IEnumerable<FunctionDefinition> Timers => functions.Where(f => f.IsTimer);

    public IEnumerable<FunctionDefinition> HttpFunctions => functions.Where(f => f.IsHttp);

    /// <summary>Reads every <c>*/function.json</c> below the script root (the app's base directory when published).</summary>
    public static FunctionManifest Load(string scriptRoot)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var directory in Directory.EnumerateDirectories(scriptRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(directory, "function.json");
            if (File.Exists(file))
            {
                functions.Add(Parse(Path.GetFileName(directory), File.ReadAllText(file)));
            }
        }

        return new FunctionManifest(functions);
    }

    public static FunctionDefinition Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var trigger = document.RootElement.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("direction").GetString() == "in" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var type = trigger.GetProperty("type").GetString()!;
        return new FunctionDefinition
        {
            Name = name,
            Trigger = type,
            BindingName = trigger.GetProperty("name").GetString()!,
            Route = trigger.TryGetProperty("route", out var route) ? route.GetString() : type == "httpTrigger" ? name : null,
            Methods = trigger.TryGetProperty("methods", out var methods)
                ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray()
                : [],
            AuthLevel = trigger.TryGetProperty("authLevel", out var auth) ? auth.GetString() : null,
            Schedule = trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
        };
    }
}

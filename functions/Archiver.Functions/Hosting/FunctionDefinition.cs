namespace Archiver.Functions.Hosting;

/// <summary>One function as its function.json declares it.</summary>
public sealed record FunctionDefinition
{
    public required string Name { get; init; }

    /// <summary>The trigger binding's type: <c>httpTrigger</c> or <c>timerTrigger</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>The trigger binding's name: the key of its value in an invocation's <c>Data</c>.</summary>
    public required string BindingName { get; init; }

    /// <summary>HTTP: the route under the <c>api</c> prefix.</summary>
    public string? Route { get; init; }

    /// <summary>HTTP: upper-case methods; empty means every method.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>HTTP: anonymous, function or admin.</summary>
    public string? AuthLevel { get; init; }

    /// <summary>Timer: the NCRONTAB schedule as written, possibly a <c>%Setting%</c> reference.</summary>
    public string? Schedule { get; init; }

    public bool IsHttp => Trigger == "httpTrigger";

    public bool IsTimer => Trigger == "timerTrigger";

    public string PublicPath => $"/{FunctionManifest.RoutePrefix}/{Route}";
}

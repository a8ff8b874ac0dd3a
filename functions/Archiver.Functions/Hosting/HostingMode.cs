using Microsoft.Extensions.Configuration.CommandLine;

namespace Archiver.Functions.Hosting;

/// <summary>
/// Whether the Functions host started this process as its isolated worker (it passes <c>--functions-uri</c>, which the
/// worker reads as <c>Functions:Worker:HostEndpoint</c>) or it runs standalone. Under the host, the host routes HTTP,
/// checks function keys and fires timers; standalone, the app does all three itself from the same attributes.
/// </summary>
public sealed record HostingMode(Uri? HostEndpoint)
{
    public const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    /// <summary>The switches the host passes, mapped as the worker maps them (only the endpoint matters here).</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--functions-uri"] = HostEndpointKey,
    };

    public bool UnderHost => HostEndpoint is not null;

    public static HostingMode From(IConfiguration configuration) =>
        Uri.TryCreate(configuration[HostEndpointKey], UriKind.Absolute, out var endpoint) ? new HostingMode(endpoint) : new HostingMode((Uri?)null);

    /// <summary>Reads the mode before any host is built: environment variables, then the command line, as the worker does.</summary>
    public static HostingMode Detect(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .Add(new CommandLineConfigurationSource { Args = args.Where(IsHostSwitchOrValue(args)).ToArray(), SwitchMappings = Switches })
            .Build();
        return From(configuration);
    }

    /// <summary>Keeps only <c>--functions-uri value</c> pairs, so other switches (<c>--urls</c>, the host's own) never trip the parser.</summary>
    private static Func<string, int, bool> IsHostSwitchOrValue(string[] args) =>
        (arg, index) => Switches.ContainsKey(arg) || (index > 0 && Switches.ContainsKey(args[index - 1]));
}

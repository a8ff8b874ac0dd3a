namespace Archiver.Functions.Hosting;

/// <summary>
/// Whether the Functions host started this process (it sets <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>) or it runs standalone.
/// Under the host, the host checks keys and fires timers; standalone, the app does both itself.
/// </summary>
public sealed record HostingMode(int? CustomHandlerPort)
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public bool UnderHost => CustomHandlerPort is not null;

    public static HostingMode From(IConfiguration configuration) =>
        int.TryParse(configuration[PortVariable], out var port) && port is > 0 and < 65536
            ? new HostingMode(port)
            : new HostingMode((int?)null);
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel, not the in-memory server), with its own container in the run's
/// Azurite and whatever settings the test gives.
/// </summary>
public sealed class ArchiverApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    private ArchiverApp(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        this.settings = settings;
        this.services = services;
        UseKestrel(0);
    }

    public string ContainerName => settings["Archiver:Storage:Container"]!;

    public static ArchiverApp Start(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Archiver:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Archiver:Storage:Container"] = $"app-{Guid.NewGuid():n}",
        };

        // No test reaches the real upstream: unless a test plugs in the fake, every X host leads to a closed local port.
        foreach (var host in Archiver.Sources.UpstreamHosts.Allowed)
        {
            all[$"Archiver:Upstream:HostMap:{host}"] = $"http://127.0.0.1:9/{host}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return HostBuildGate.Build(() =>
        {
            var app = new ArchiverApp(all, services);
            app.StartServer();
            return app;
        });
    }

    /// <summary>The app's real loopback address, as Kestrel bound it.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A plain HTTP client for the app's loopback address (no redirects followed).</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}

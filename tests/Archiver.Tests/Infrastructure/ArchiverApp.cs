using Archiver.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// The real app, built exactly as Program builds it, listening on a free loopback port (Kestrel, as under the host),
/// with its own container in the run's Azurite and whatever settings and services the test gives.
/// </summary>
public sealed class ArchiverApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private ArchiverApp(WebApplication app, string containerName)
    {
        this.app = app;
        ContainerName = containerName;
    }

    public string ContainerName { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The app's real loopback address, as Kestrel bound it.</summary>
    public Uri Address => new(app.Urls.First());

    public static async Task<ArchiverApp> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var container = $"app-{Guid.NewGuid():n}";
        var all = new Dictionary<string, string?>
        {
            ["Archiver:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Archiver:Storage:Container"] = container,
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

        var app = ArchiverApplication.Create(["--urls", "http://127.0.0.1:0", "--environment", "Test"], all, services);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            // A start-up that stops (bad settings) leaves nothing running behind it.
            await app.DisposeAsync();
            throw;
        }

        return new ArchiverApp(app, all["Archiver:Storage:Container"]!);
    }

    /// <summary>A plain HTTP client for the app's loopback address (no redirects followed).</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

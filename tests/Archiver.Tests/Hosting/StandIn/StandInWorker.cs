using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Hosting.StandIn;

/// <summary>
/// The published worker under the stand-in host, once per test class: its own container in the run's Azurite and
/// every X host played by one fake upstream (each test programs tweets of its own), settings given as the host gives
/// app settings, in the environment.
/// </summary>
public sealed class StandInWorker(AzuriteFixture azurite) : IAsyncLifetime
{
    public StandInHost Host { get; private set; } = null!;

    public FakeUpstream Upstream { get; private set; } = null!;

    public string Container { get; } = $"standin-{Guid.NewGuid():n}";

    public async ValueTask InitializeAsync()
    {
        Upstream = await FakeUpstream.StartAsync(CancellationToken.None);
        Host = await StartAsync(azurite, Upstream, Container, new Dictionary<string, string>(), CancellationToken.None);
    }

    /// <summary>A worker of its own under a stand-in host, with extra app settings (<c>__</c> form).</summary>
    public static async Task<StandInHost> StartAsync(AzuriteFixture azurite, FakeUpstream upstream, string container, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken) =>
        await StartAsync(await PublishedWorkerRoot.GetAsync(), azurite, upstream, container, extra, cancellationToken);

    /// <summary>The worker in <paramref name="workerRoot"/> (a publish folder, or a deployment package unpacked).</summary>
    public static async Task<StandInHost> StartAsync(string workerRoot, AzuriteFixture azurite, FakeUpstream upstream, string container, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Archiver__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Archiver__Storage__Container"] = container,
            ["Archiver__Recheck__Schedule"] = "0 0 0 1 1 *",
            ["Archiver__Upstream__MaxRetries"] = "0",
        };
        foreach (var (key, value) in upstream.Settings())
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await StandInHost.StartAsync(workerRoot, settings, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}

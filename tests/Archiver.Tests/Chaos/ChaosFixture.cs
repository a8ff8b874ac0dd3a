using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Chaos;

/// <summary>One chaos run for the tests of <see cref="ChaosTests"/>: each asserts one rule over the same run's report.</summary>
public sealed class ChaosFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private ChaosRun? run;

    public ChaosReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        run = await ChaosRun.StartAsync(azurite, cancellationToken: limit.Token);
        Report = await run.RunAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }
}

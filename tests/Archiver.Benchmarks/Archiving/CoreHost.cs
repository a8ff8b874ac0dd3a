using Archiver.Archive;
using Archiver.Citations;
using Archiver.Recheck;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// Archiver's Core services registered as the app registers them (<c>AddArchive</c>, <c>AddCitations</c>) in a generic
/// host, so that <c>ValidateOnStart</c> and the container's start-up step run as they do in the app. The one
/// <see cref="BlobServiceClient"/> is the benchmark's own: the app's pinned service version plus a policy that counts
/// every storage request. Logging: warnings and errors only, to stderr, so the tables on stdout stay clean.
/// </summary>
internal sealed class CoreHost : IAsyncDisposable
{
    private readonly IHost host;

    private CoreHost(IHost host, StorageRequestCounter storage)
    {
        this.host = host;
        Storage = storage;
    }

    /// <summary>Every storage request this host's services sent.</summary>
    public StorageRequestCounter Storage { get; }

    /// <summary>The archive's store (the container named by <c>Archiver:Storage:Container</c>).</summary>
    public ArchiveStore Store => host.Services.GetRequiredService<ArchiveStore>();

    /// <summary>Starts the host on <paramref name="settings"/> and waits until the archive's container exists.</summary>
    public static async Task<CoreHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var storage = new StorageRequestCounter();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            [$"{StorageOptions.Section}:ConnectionString"] = connectionString,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // The benchmark, not the host, owns Ctrl-C and SIGTERM (BenchmarkRun): the host's console lifetime would take them.
        builder.Services.AddSingleton<IHostLifetime, UnmanagedLifetime>();
        builder.Services.AddArchive();
        builder.Services.AddRecheck();
        builder.Services.AddCitations();

        // Registered after AddArchive, so this one is the process's BlobServiceClient (the last registration wins).
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        clientOptions.AddPolicy(storage, Azure.Core.HttpPipelinePosition.PerRetry);
        builder.Services.AddSingleton(new BlobServiceClient(connectionString, clientOptions));

        var built = builder.Build();
        try
        {
            await built.StartAsync(cancellationToken);
            await built.Services.GetRequiredService<ArchiveContainer>().Created.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        }
        catch
        {
            built.Dispose();
            throw;
        }

        return new CoreHost(built, storage);
    }

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>A lifetime that neither waits for nor listens to anything.</summary>
    private sealed class UnmanagedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

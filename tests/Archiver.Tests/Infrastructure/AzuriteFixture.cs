using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

[assembly: AssemblyFixture(typeof(Archiver.Tests.Infrastructure.AzuriteFixture))]

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// One Azurite (blob only, in memory) per test run, from the repository's pinned npm copy, on a free loopback port.
/// If it will not start, every storage test fails: there is no fallback.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? process;
    private readonly List<string> output = [];

    public string ConnectionString { get; private set; } = "";

    public BlobServiceClient CreateServiceClient() =>
        new(ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05));

    /// <summary>A fresh container of its own for one test, deleted when the test is done.</summary>
    public async Task<DisposingContainer> CreateContainerAsync(CancellationToken cancellationToken)
    {
        var container = CreateServiceClient().GetBlobContainerClient($"test-{Guid.NewGuid():n}");
        await container.CreateAsync(cancellationToken: cancellationToken);
        return new DisposingContainer(container);
    }

    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' at the repository root.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await CreateServiceClient().GetPropertiesAsync();
                return;
            }
            catch (Exception) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(200);
            }
            catch (Exception e)
            {
                string log;
                lock (output) log = string.Join('\n', output);
                throw new InvalidOperationException($"Azurite did not start on port {port}. Its output:\n{log}", e);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archiver.Archive;

/// <summary>
/// The archive's container: created once per process in the background at start, so that the host's readiness
/// probe is answered at once, and probed by the health endpoint.
/// </summary>
public sealed class ArchiveContainer(BlobContainerClient container, ILogger<ArchiveContainer> logger) : BackgroundService
{
    private readonly TaskCompletionSource created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BlobContainerClient Client => container;

    /// <summary>Completes once the container exists; callers that write wait on it.</summary>
    public Task Created => created.Task;

    /// <summary>How long a probe waits for storage before it says storage does not answer.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Whether blob storage answers: the container's existence can be read within <see cref="ProbeTimeout"/>.</summary>
    public async Task<StorageProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var exists = await container.ExistsAsync(timeout.Token);
            return new StorageProbe(true, container.Name, exists.Value, null);
        }
        catch (RequestFailedException e)
        {
            return new StorageProbe(false, container.Name, false, $"storage answered {e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is AggregateException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new StorageProbe(false, container.Name, false, $"storage did not answer within {ProbeTimeout.TotalSeconds:0} s");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                created.TrySetResult();
                Log.ContainerReady(logger, container.Name);
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
            {
                Log.ContainerNotReady(logger, container.Name, e is RequestFailedException failed ? $"storage answered {failed.Status} {failed.ErrorCode}" : "storage did not answer", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}

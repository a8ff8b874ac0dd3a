using System.Threading.Channels;
using Archiver.Archive;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Background;

/// <summary>
/// Works on submissions answered at once (<c>Prefer: respond-async</c>) after the answer, within the usual time budget,
/// a few at a time; whatever is left, or lost with the process, stays pending for the timer.
/// </summary>
internal sealed class SubmissionWorker(SubmissionProcessor processor, IOptions<ArchiveOptions> options, ILogger<SubmissionWorker> logger) : BackgroundService
{
    private const int Parallelism = 4;

    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(string submissionId) => queue.Writer.TryWrite(submissionId);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken }, async (id, token) =>
        {
            try
            {
                await processor.ContinueAsync(id, options.Value.TimeBudget, token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                Log.BackgroundSubmissionFailed(logger, id, e);
            }
        });
}

using Archiver.Archive;
using Archiver.Recheck;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Functions;

/// <summary>
/// The <c>RecheckLinks</c> timer: first finishes the archive requests that ran out of time or failed transiently,
/// then looks up the tweets whose next check is due in the due-date index, within the run's count limit and time
/// budget, each under a claim so that overlapping runs never work on the same tweet at once. The host fires it on
/// the schedule named by the <c>Archiver__Recheck__Schedule</c> app setting; standalone, the app's scheduler does.
/// </summary>
internal sealed class RecheckLinksFunction(
    RecheckRun recheck,
    ArchiveContainer archive,
    ArchiveStore store,
    SubmissionProcessor submissions,
    IOptions<RecheckOptions> options,
    TimeProvider time,
    ILogger<RecheckLinksFunction> logger)
{
    /// <summary>Runs once; answers the run's summary lines, which also go to the log.</summary>
    [Function("RecheckLinks")]
    public async Task<IReadOnlyList<string>> RunAsync([TimerTrigger("%Archiver__Recheck__Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var lines = await RecheckAsync(timer, cancellationToken);
        foreach (var line in lines)
        {
            Log.TimerLog(logger, "RecheckLinks", line);
        }

        return lines;
    }

    private async Task<IReadOnlyList<string>> RecheckAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var started = time.GetUtcNow();
        var finished = 0;
        var stillPending = 0;
        await foreach (var id in store.FindPendingSubmissionsAsync(cancellationToken))
        {
            var left = options.Value.TimeBudget - (time.GetUtcNow() - started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            var submission = await submissions.ContinueAsync(id, left, cancellationToken);
            if (submission.HasPendingWork)
            {
                stillPending++;
            }
            else
            {
                finished++;
            }
        }

        var summary = await recheck.RunAsync(options.Value.TimeBudget - (time.GetUtcNow() - started), cancellationToken);
        return
        [
            $"RecheckLinks: {finished} pending submission(s) finished, {stillPending} still pending.",
            $"RecheckLinks at {BlobTags.FormatInstant(started)}{(timer.IsPastDue ? " (past due)" : "")}: {summary}",
        ];
    }
}

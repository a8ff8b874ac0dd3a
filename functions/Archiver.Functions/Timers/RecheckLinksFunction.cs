using Archiver.Archive;
using Archiver.Recheck;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Timers;

/// <summary>
/// The <c>RecheckLinks</c> timer: first finishes the archive requests that ran out of time or failed transiently,
/// then looks up the tweets whose next check is due in the due-date index, within the run's count limit and time
/// budget, each under a claim so that overlapping runs never work on the same tweet at once.
/// </summary>
internal sealed class RecheckLinksFunction(
    RecheckRun recheck,
    ArchiveContainer archive,
    ArchiveStore store,
    SubmissionProcessor submissions,
    IOptions<RecheckOptions> options,
    TimeProvider time) : ITimerFunction
{
    public string Name => "RecheckLinks";

    public string DefaultSchedule => options.Value.Schedule;

    public async Task<IReadOnlyList<string>> RunAsync(TimerTrigger trigger, CancellationToken cancellationToken)
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
            $"RecheckLinks at {BlobTags.FormatInstant(started)}{(trigger.IsPastDue ? " (past due)" : "")}: {summary}",
        ];
    }
}

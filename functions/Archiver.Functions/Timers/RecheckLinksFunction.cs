using Archiver.Archive;
using Archiver.Recheck;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Timers;

/// <summary>
/// The <c>RecheckLinks</c> timer: first finishes the archive requests that ran out of time or failed transiently,
/// then looks up the tweets whose next check is due in the due-date index, within the run's count limit and time
/// budget. Re-checking them (issue "Re-check archived tweets on a schedule") builds on this.
/// </summary>
internal sealed class RecheckLinksFunction(
    DueIndex index,
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

        var now = time.GetUtcNow();
        var due = 0;
        await foreach (var _ in index.FindDueAsync(now, options.Value.MaxPerRun, cancellationToken))
        {
            due++;
        }

        return
        [
            $"RecheckLinks: {finished} pending submission(s) finished, {stillPending} still pending.",
            $"RecheckLinks at {DueIndex.FormatDue(now)}{(trigger.IsPastDue ? " (past due)" : "")}: {due} tweet(s) due (limit {options.Value.MaxPerRun}).",
        ];
    }
}

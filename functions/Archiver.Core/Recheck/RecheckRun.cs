using Archiver.Evidence;
using Archiver.Telemetry;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

/// <summary>
/// One run of re-checks: the due tweets from the due-date index, most overdue first, within the run's count limit and
/// time budget, so a run always ends cleanly and the next one continues where it stopped.
/// </summary>
internal sealed class RecheckRun(DueIndex index, TweetRechecker rechecker, SnapshotTimestamper timestamper, ArchiverMetrics metrics, IOptions<RecheckOptions> options, TimeProvider time)
{
    /// <summary>How many due entries are looked at to pick the most overdue ones.</summary>
    private int Window => options.Value.MaxPerRun * 4;

    /// <param name="budget">How long this run may take; the configured time budget when null.</param>
    public async Task<RecheckSummary> RunAsync(TimeSpan? budget, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var due = new List<DueEntry>();
        await foreach (var entry in index.FindDueAsync(started, Window, cancellationToken))
        {
            if (entry.TweetId is not null)
            {
                due.Add(entry);
            }
        }

        var summary = new RecheckSummary { Due = due.Count };
        foreach (var entry in due.OrderBy(e => e.DueAt, StringComparer.Ordinal).Take(options.Value.MaxPerRun))
        {
            if (time.GetUtcNow() - started >= (budget ?? options.Value.TimeBudget))
            {
                summary = summary with { StoppedByBudget = true };
                break;
            }

            var result = await rechecker.RecheckAsync(entry.TweetId!, onlyIfDue: true, cancellationToken);
            metrics.RecheckOutcome(result.Capture is { } capture
                ? capture.NewVersion ? "new_version" : EnumNames.Of(capture.Outcome)
                : EnumNames.Of(result.Status));
            summary = result.Status switch
            {
                RecheckStatus.Busy or RecheckStatus.NotDue => summary with { Busy = summary.Busy + 1 },
                RecheckStatus.NotArchived => summary,
                _ => summary.Count(result.Capture!),
            };
        }

        // Snapshots whose timestamp failed when they were stored (the authority down or slow) are asked for again.
        return summary with { Timestamped = await timestamper.RetryPendingAsync(cancellationToken) };
    }
}

using System.Globalization;
using Archiver.Citations;
using Archiver.Progress;
using Archiver.Telemetry;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>
/// Runs a submission: stores it with every citation pending before any work, then archives the citations within a
/// time budget, recording each result as it comes. What the budget leaves undone stays pending for the timer.
/// </summary>
internal sealed class SubmissionProcessor(ArchiveStore store, CitationArchiver citations, ArchiverMetrics metrics, IProgressSink progress, IOptions<ArchiveOptions> options, TimeProvider time)
{
    /// <param name="article">The fetched page, when the article was submitted by its address (its body already stored).</param>
    public async Task<Submission> SubmitAsync(IReadOnlyList<Citation> found, bool refresh, CancellationToken cancellationToken, ArticlePage? article = null)
    {
        var created = await CreateAsync(found, refresh, cancellationToken, article);
        return await WorkAsync(created, options.Value.TimeBudget, cancellationToken);
    }

    /// <summary>Stores a submission with every citation pending, and does no work on it (for work in the background).</summary>
    public async Task<Stored<Submission>> CreateAsync(IReadOnlyList<Citation> found, bool refresh, CancellationToken cancellationToken, ArticlePage? article = null)
    {
        var submission = new Submission
        {
            Id = NewId(),
            ReceivedAt = time.GetUtcNow(),
            Refresh = refresh,
            Article = article,
            Citations = [.. found.Select(c => new CitationResult { Citation = c, Outcome = CitationOutcome.Pending, TweetId = c.TweetId })],
        };
        var etag = await store.CreateSubmissionAsync(submission, cancellationToken);
        return new Stored<Submission>(submission, etag);
    }

    /// <summary>Works on a stored submission's pending citations until they are done or the budget runs out.</summary>
    public async Task<Submission> ContinueAsync(string id, TimeSpan budget, CancellationToken cancellationToken)
    {
        var stored = await store.ReadSubmissionAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Submission {id} does not exist.");
        return await WorkAsync(stored, budget, cancellationToken);
    }

    private async Task<Submission> WorkAsync(Stored<Submission> stored, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var submission = stored.Value;
        var pending = submission.Citations.Select((c, i) => (Result: c, Index: i)).Where(x => x.Result.Outcome == CitationOutcome.Pending).ToArray();
        // Results are stored even if the budget ran out meanwhile: finished work is never thrown away.
        var recorder = new SubmissionRecorder(store, stored, cancellationToken);
        Submission? final = null;
        try
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = linked.Token }, async (item, token) =>
            {
                using var scope = ProgressScope.Enter(progress, submission.Id, item.Index, time);
                var result = await citations.ArchiveAsync(item.Result, submission.Refresh, options.Value.MaxAttempts, token);
                metrics.ArchiveOutcome(EnumNames.Of(result.Outcome));
                recorder.Record(item.Index, result);
                ProgressScope.Report(new ProgressStep { Step = "done", Outcome = EnumNames.Of(result.Outcome), Subject = result.TweetId, Error = result.Error ?? result.Reason });
            });
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Out of time: what is left stays pending.
        }
        finally
        {
            // However the work ended, what finished is stored before this returns or the failure travels on.
            final = await recorder.CompleteAsync(s => s.HasPendingWork || s.CompletedAt is not null ? s : s with { CompletedAt = time.GetUtcNow() }, cancellationToken);
        }

        return final;
    }

    /// <summary>Sortable by arrival, unguessable: <c>yyyyMMddHHmmss-</c> and 12 random hex digits.</summary>
    private string NewId() =>
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():n}")[..27];
}

using Archiver.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>
/// Archives and checks one tweet: <see cref="TweetCapturer"/> captures it (sources, media, completeness),
/// <see cref="CaptureRecorder"/> records it (snapshot, state, versions, check log). A partial capture is recorded at
/// once, because it is evidence, then what it lacks is tried again right away within the request's time (honouring
/// <c>Retry-After</c>); what still lacks is left to the timer's short schedule. Quoted, parent and newer-edit tweets
/// are archived as their own tweets.
/// </summary>
internal sealed class TweetArchiver(
    TweetCapturer capturer,
    CaptureRecorder recorder,
    ArchiveStore store,
    IOptions<ArchiveOptions> options,
    IOptions<UpstreamOptions> upstream,
    TimeProvider time,
    ILogger<TweetArchiver> logger)
{
    /// <summary>Archives a cited tweet, unless the archive holds a complete capture fresher than the freshness window.</summary>
    public async Task<TweetCapture> CaptureAsync(string tweetId, bool refresh, CancellationToken cancellationToken)
    {
        var existing = await store.ReadStateAsync(tweetId, cancellationToken);
        if (!refresh && existing?.Value is { Latest: not null, Partial: null, LastArchivedAt: { } archivedAt } fresh && time.GetUtcNow() - archivedAt < options.Value.FreshnessWindow)
        {
            return CaptureRecorder.Outcome(fresh, reused: true);
        }

        return await CheckAsync(new StateScope(tweetId, new LastRead<TweetState>(existing), null), options.Value.RelatedDepth, retryNow: true, cancellationToken);
    }

    /// <summary>
    /// Checks a tweet the caller holds a claim on (<paramref name="claimed"/>, as the claim wrote it) and records what
    /// the sources said; the state written at the end also releases the claim, in the same write. A tweet whose
    /// latest capture lacks only files gets those files fetched, not the whole tweet again.
    /// </summary>
    public Task<TweetCapture> CheckAsync(Stored<TweetState> claimed, CancellationToken cancellationToken) =>
        CheckAsync(new StateScope(claimed.Value.TweetId, new LastRead<TweetState>(claimed), claimed.Value.ClaimId), options.Value.RelatedDepth, retryNow: false, cancellationToken);

    private async Task<TweetCapture> CheckAsync(StateScope scope, int relatedDepth, bool retryNow, CancellationToken cancellationToken)
    {
        var capture = await FilesOnlyAsync(scope, cancellationToken) ?? await capturer.CaptureAsync(scope.TweetId, cancellationToken);
        var (result, state) = await RecordAsync(scope, capture, cancellationToken);
        if (retryNow && state is not null)
        {
            (result, capture) = await RetryNowAsync(scope.TweetId, capture, result, state, cancellationToken);
        }

        if (result.Outcome is CitationOutcome.Archived or CitationOutcome.Partial && relatedDepth > 0 && capture.Tweet is { } found)
        {
            foreach (var related in CaptureRecorder.Related(found).Concat(NewerEdits(found)))
            {
                var relatedCapture = await CaptureAsync(related, refresh: false, cancellationToken);
                Log.RelatedCaptured(logger, scope.TweetId, related, relatedCapture.Outcome.ToString());
            }
        }

        return result;
    }

    /// <summary>The state's latest capture lacks only files: those, from its snapshot; null when the tweet is to be asked for.</summary>
    private async Task<Capture?> FilesOnlyAsync(StateScope scope, CancellationToken cancellationToken)
    {
        if (scope.Current is not { Partial: { Retryable: true } partial, Latest: { } latest } || partial.Missing.Any(m => m.Part != "file" && m.Kind != PartFailure.Conclusive))
        {
            return null;
        }

        var snapshot = await store.ReadSnapshotAsync(scope.TweetId, latest.Version, cancellationToken);
        return snapshot?.Completeness is null ? null : await capturer.RetryFilesAsync(snapshot, cancellationToken);
    }

    private async Task<(TweetCapture Result, TweetState? State)> RecordAsync(StateScope scope, Capture capture, CancellationToken cancellationToken)
    {
        if (capture.Tweet is not null)
        {
            return await recorder.RecordFoundAsync(scope, capture, cancellationToken);
        }

        var report = capture.Report!;
        return report.Unavailable is { } reason
            ? (await recorder.RecordUnavailableAsync(scope, report, reason, cancellationToken), null)
            : (await recorder.RecordFailureAsync(scope, string.Join("; ", report.Outcomes.OfType<SourceFailed>().Select(f => UpstreamWords.SourceFailure(f.Source, f.Evidence.LastOrDefault()?.Url, f.Error))), cancellationToken), null);
    }

    /// <summary>
    /// Retries what a recorded partial capture lacks, waiting <see cref="ArchiveOptions.PartialRetryDelays"/> between
    /// rounds (or the host's <c>Retry-After</c>, up to <see cref="UpstreamOptions.MaxRetryAfter"/>), and records each
    /// fuller capture. The request's time budget (<paramref name="cancellationToken"/>) ends the retries, never the
    /// capture already recorded.
    /// </summary>
    private async Task<(TweetCapture, Capture)> RetryNowAsync(string tweetId, Capture capture, TweetCapture result, TweetState state, CancellationToken cancellationToken)
    {
        foreach (var delay in options.Value.PartialRetryDelays)
        {
            if (state.Partial is not { Retryable: true } || !capture.Completeness.Retryable)
            {
                break;
            }

            var wait = capture.RetryAfter is { } asked && asked > delay ? (asked < upstream.Value.MaxRetryAfter ? asked : upstream.Value.MaxRetryAfter) : delay;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                var again = await capturer.RetryAsync(capture, cancellationToken);
                if (again.Tweet is not null && (again.Completeness.Complete || again.Coverage > capture.Coverage))
                {
                    var scope = new StateScope(tweetId, new LastRead<TweetState>(await store.ReadStateAsync(tweetId, cancellationToken)), null);
                    (result, state) = await recorder.RecordFoundAsync(scope, again, cancellationToken);
                }

                capture = again;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Out of the request's time: the partial capture stands; the timer goes on with it.
                break;
            }
        }

        return (result, capture);
    }

    /// <summary>Edit ids newer than this tweet: the newest version of an edited tweet is archived as its own tweet.</summary>
    private static IEnumerable<string> NewerEdits(TweetData tweet) =>
        (tweet.Edits?.EditTweetIds ?? []).Where(id => IsNewer(id, tweet.Id)).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal).TakeLast(1);

    private static bool IsNewer(string id, string than) =>
        id.Length != than.Length ? id.Length > than.Length : string.CompareOrdinal(id, than) > 0;
}

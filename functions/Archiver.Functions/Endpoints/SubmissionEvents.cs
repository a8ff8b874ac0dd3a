using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Archiver.Archive;
using Archiver.Progress;
using Archiver.Recheck;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// The events of <c>GET /api/submissions/{id}/events</c>: <c>submission</c> (the view, first and whenever a stored
/// outcome changes), <c>step</c> (each step of each citation's work on this instance, those so far first), and
/// <c>complete</c> when no work is left. A stream ends after <see cref="MaxDuration"/>; the browser's EventSource
/// then reconnects and starts again from the stored state.
/// </summary>
internal static class SubmissionEvents
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    /// <summary>How often the stored submission is read when no step arrives (the timer may work on another instance).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        Stored<Submission> first, ArchiveStore store, ProgressFeeds feeds, RecheckSchedule schedule, TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = first.Value.Id;
        using var watch = feeds.Subscribe(id);
        var current = first.Value;
        var last = ViewJson(current, schedule);
        yield return new SseItem<string>(last, "submission") { ReconnectionInterval = TimeSpan.FromSeconds(3) };
        foreach (var step in watch.Past)
        {
            yield return new SseItem<string>(StepJson(step), "step");
        }

        var started = time.GetUtcNow();
        while (current.HasPendingWork && time.GetUtcNow() - started < MaxDuration)
        {
            var arrived = await WaitForStepAsync(watch, time, cancellationToken);
            var finished = false;
            while (watch.Next.TryRead(out var step))
            {
                finished |= step.Step == "done";
                yield return new SseItem<string>(StepJson(step), "step");
            }

            if (finished || !arrived)
            {
                if (await store.ReadSubmissionAsync(id, cancellationToken) is not { } read)
                {
                    yield break;
                }

                current = read.Value;
                var json = ViewJson(current, schedule);
                if (json != last)
                {
                    last = json;
                    yield return new SseItem<string>(json, "submission");
                }
            }
        }

        if (!current.HasPendingWork)
        {
            yield return new SseItem<string>(last, "complete");
        }
    }

    private static async Task<bool> WaitForStepAsync(ProgressFeeds.Watch watch, TimeProvider time, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(PollInterval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, poll.Token);
        try
        {
            return await watch.Next.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string ViewJson(Submission submission, RecheckSchedule schedule) =>
        JsonSerializer.Serialize(SubmissionView.Of(submission, schedule.NextRun()), FunctionsJsonContext.Default.SubmissionView);

    private static string StepJson(ProgressStep step) => JsonSerializer.Serialize(step, FunctionsJsonContext.Default.ProgressStep);
}

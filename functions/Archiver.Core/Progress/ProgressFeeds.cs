using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Archiver.Progress;

/// <summary>
/// The steps of recent submissions, kept in memory for <see cref="Retention"/> (at most <see cref="MaxStepsPerSubmission"/>
/// each) and handed to watchers: what happened so far, then each new step as it comes. A watcher on another instance
/// sees only the stored outcomes, which the events endpoint also reads.
/// </summary>
public sealed class ProgressFeeds(TimeProvider time) : IProgressSink
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(30);

    public const int MaxStepsPerSubmission = 1_000;

    private readonly ConcurrentDictionary<string, Feed> feeds = new(StringComparer.Ordinal);

    public void Report(ProgressStep step)
    {
        if (step.SubmissionId is not { } id)
        {
            return;
        }

        var feed = feeds.GetOrAdd(id, _ => new Feed());
        feed.Add(step, time.GetUtcNow());
        if (feeds.Count > 64)
        {
            Forget(time.GetUtcNow() - Retention);
        }
    }

    /// <summary>The steps so far and a reader of the steps to come; dispose the watch to stop receiving.</summary>
    public Watch Subscribe(string submissionId)
    {
        var feed = feeds.GetOrAdd(submissionId, _ => new Feed());
        return feed.Subscribe(time.GetUtcNow());
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (id, feed) in feeds)
        {
            if (feed.IdleSince(before))
            {
                feeds.TryRemove(id, out _);
            }
        }
    }

    public sealed class Watch(IReadOnlyList<ProgressStep> past, ChannelReader<ProgressStep> next, Action stop) : IDisposable
    {
        public IReadOnlyList<ProgressStep> Past { get; } = past;

        public ChannelReader<ProgressStep> Next { get; } = next;

        public void Dispose() => stop();
    }

    private sealed class Feed
    {
        private readonly Lock gate = new();
        private readonly List<ProgressStep> steps = [];
        private readonly List<Channel<ProgressStep>> watchers = [];
        private DateTimeOffset last;

        public void Add(ProgressStep step, DateTimeOffset now)
        {
            lock (gate)
            {
                last = now;
                if (steps.Count < MaxStepsPerSubmission)
                {
                    steps.Add(step);
                }

                foreach (var watcher in watchers)
                {
                    watcher.Writer.TryWrite(step);
                }
            }
        }

        public Watch Subscribe(DateTimeOffset now)
        {
            var channel = Channel.CreateBounded<ProgressStep>(new BoundedChannelOptions(MaxStepsPerSubmission) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
            lock (gate)
            {
                last = now;
                watchers.Add(channel);
                return new Watch([.. steps], channel.Reader, () =>
                {
                    lock (gate)
                    {
                        watchers.Remove(channel);
                    }
                });
            }
        }

        public bool IdleSince(DateTimeOffset before)
        {
            lock (gate)
            {
                return watchers.Count == 0 && last < before;
            }
        }
    }
}

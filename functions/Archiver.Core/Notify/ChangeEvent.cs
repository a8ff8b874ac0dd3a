using Archiver.Archive;

namespace Archiver.Notify;

/// <summary>What the webhook is told: a tweet's status changed, or a new version of it was captured.</summary>
public sealed record ChangeEvent
{
    /// <summary><c>status_changed</c> or <c>new_version</c>.</summary>
    public required string Type { get; init; }

    public required string TweetId { get; init; }

    public required TweetStatus Status { get; init; }

    public TweetStatus? PreviousStatus { get; init; }

    public string? Version { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The API path of the tweet, filled in by the notifier from <see cref="NotifyOptions.TweetLink"/> (the edge knows its routes).</summary>
    public string? Tweet { get; init; }
}

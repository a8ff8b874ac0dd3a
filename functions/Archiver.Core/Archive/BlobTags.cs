using System.Globalization;

namespace Archiver.Archive;

/// <summary>
/// The blob index tags the archive writes and queries (DESIGN.md, "Blob layout"): on each tweet's <c>state.json</c>
/// its due date, status and when the status last changed; on each submission whether work is left. Instants are
/// fixed-width UTC text, so string order is time order and a range query works.
/// </summary>
public static class BlobTags
{
    /// <summary>On <c>state.json</c>: when the tweet's next check is due.</summary>
    public const string DueAt = "dueAt";

    /// <summary>On <c>state.json</c>: the tweet's status, as the API writes it.</summary>
    public const string Status = "status";

    /// <summary>On <c>state.json</c>: when the status last changed.</summary>
    public const string ChangedAt = "changedAt";

    /// <summary>On <c>submissions/{id}.json</c>: <c>yes</c> while some citation still has work left, else <c>no</c>.</summary>
    public const string Pending = "pending";

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The tags of a tweet's state blob.</summary>
    public static Dictionary<string, string> OfState(TweetState state)
    {
        var tags = new Dictionary<string, string> { [Status] = EnumNames.Of(state.Status) };
        if (state.ChangedAt is { } changed)
        {
            tags[ChangedAt] = FormatInstant(changed);
        }

        if (state.NextCheckAt is { } due)
        {
            tags[DueAt] = FormatInstant(due);
        }

        return tags;
    }

    /// <summary>The tags of a submission blob.</summary>
    public static Dictionary<string, string> OfSubmission(Submission submission) =>
        new() { [Pending] = submission.HasPendingWork ? "yes" : "no" };

    /// <summary>Tag query: state blobs due at or before <paramref name="now"/>.</summary>
    public static TagQuery DueBy(DateTimeOffset now) => States([new TagCondition(DueAt, "<=", FormatInstant(now))]);

    /// <summary>Tag query clause: state blobs of one status.</summary>
    public static TagCondition StatusIs(TweetStatus status) => new(Status, "=", EnumNames.Of(status));

    /// <summary>Tag query clause: state blobs whose status changed at or after <paramref name="since"/>.</summary>
    public static TagCondition ChangedSince(DateTimeOffset since) => new(ChangedAt, ">=", FormatInstant(since));

    /// <summary>Tag query over the tweets' state blobs, the only blobs under <c>tweets/</c> that carry tags.</summary>
    public static TagQuery States(IReadOnlyList<TagCondition> conditions) => new(BlobNames.TweetsPrefix, conditions);

    /// <summary>Tag query: submissions with work left.</summary>
    public static TagQuery PendingSubmissions { get; } = new(BlobNames.SubmissionsPrefix, [new TagCondition(Pending, "=", "yes")]);
}

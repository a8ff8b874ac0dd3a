using Archiver.Evidence;
using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// The mutable record of one archived tweet (<c>tweets/{id}/state.json</c>): its status and history, its versions, and
/// when it is next checked. Written only with ETag conditions.
/// </summary>
public sealed record TweetState
{
    public required string TweetId { get; init; }

    public string? ScreenName { get; init; }

    public required TweetStatus Status { get; init; }

    /// <summary>The source's reason while the status is unavailable.</summary>
    public Unavailability? Reason { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }

    public DateTimeOffset? LastArchivedAt { get; init; }

    public DateTimeOffset? LastCheckedAt { get; init; }

    public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary>Which of the configured re-check intervals comes next.</summary>
    public int IntervalIndex { get; init; }

    public IReadOnlyList<TweetVersion> Versions { get; init; } = [];

    public IReadOnlyList<StatusChange> History { get; init; } = [];

    /// <summary>Tweets this one quotes or replies to, archived on their own.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    public string? LastError { get; init; }

    /// <summary>Counters as last seen.</summary>
    public TweetCounts? LastCounts { get; init; }

    /// <summary>While sources say the tweet is gone but that is not yet a conclusion: the consistent answers so far.</summary>
    public Suspicion? Suspect { get; init; }

    /// <summary>The edit chain this tweet belongs to, oldest id first (each version is archived as its own tweet).</summary>
    public IReadOnlyList<string> EditChain { get; init; } = [];

    /// <summary>A re-check in progress holds the tweet until this time (an ETag-guarded claim; expires if its holder dies).</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    public string? ClaimId { get; init; }

    /// <summary>When the status last changed (the <c>changedAt</c> index tag).</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Set while the latest version's capture is partial: what it lacks, and how its retries stand.</summary>
    public PartialState? Partial { get; init; }

    /// <summary>
    /// Snapshots a recording named before writing their blob, not yet listed in <see cref="Versions"/>; null when none.
    /// They are no versions: readers never show them. An entry a writer left behind (it died or stalled) is given up
    /// by a later recording of the tweet, which deletes its blob (see <see cref="SnapshotWriter"/>).
    /// </summary>
    public IReadOnlyList<PendingSnapshot>? PendingSnapshots { get; init; }

    /// <summary>
    /// The cited short links that led to this tweet, as they were resolved, hop by hop: one entry per distinct
    /// resolution, the first <see cref="ShortLinkRecorder.MaxPerTweet"/> kept.
    /// </summary>
    public IReadOnlyList<ShortLinkRecord> ShortLinks { get; init; } = [];

    public TweetVersion? Latest => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>The token listed for one snapshot, whichever version it belongs to; null when it has none.</summary>
    public SnapshotTimestamp? TimestampOf(string snapshot) => Versions.Select(v => v.TimestampOf(snapshot)).FirstOrDefault(t => t is not null);
}

/// <summary>Consistent "gone" answers that have not yet added up to a conclusion.</summary>
public sealed record Suspicion
{
    public required Unavailability Reason { get; init; }

    public required DateTimeOffset FirstAt { get; init; }

    /// <summary>When the last answer that counted came.</summary>
    public required DateTimeOffset LastAt { get; init; }

    /// <summary>Answers that counted: at least the confirmation spacing apart.</summary>
    public required int Checks { get; init; }

    /// <summary>True once two sources agreed in one check, or only one source answered at all.</summary>
    public bool Corroborated { get; init; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnumConverter<TweetStatus>))]
public enum TweetStatus
{
    /// <summary>Not captured yet: the upstream failed transiently; the timer finishes it.</summary>
    Pending,
    Available,
    /// <summary>A source said it cannot be seen; not yet confirmed.</summary>
    Unavailable,
    Deleted,
    Suspended,
    Protected,
    AgeRestricted,
    Withheld,
    NotFound,
    Restored,
}

/// <summary>One immutable snapshot of the tweet.</summary>
public sealed record TweetVersion
{
    public required string Version { get; init; }

    public required DateTimeOffset CapturedAt { get; init; }

    public required string ContentHash { get; init; }

    public required string Blob { get; init; }

    /// <summary>The source of the snapshot's tweet; absent in versions recorded before it was.</summary>
    public string? TweetSource { get; init; }

    /// <summary>A fingerprint of each part the snapshot holds, with its source: what a later capture is compared by.</summary>
    public IReadOnlyDictionary<string, PartPrint>? Parts { get; init; }

    /// <summary>False when the snapshot is a partial capture; absent (complete) in versions recorded before it was.</summary>
    public bool? Complete { get; init; }

    /// <summary>How much the snapshot holds: parts and stored files.</summary>
    public int Coverage { get; init; }

    /// <summary>
    /// Earlier snapshots of this same version, oldest first: partial captures that <see cref="Version"/> completes.
    /// Each stays stored and listed here, so every snapshot blob is referenced.
    /// </summary>
    public IReadOnlyList<string> Captures { get; init; } = [];

    /// <summary>Every snapshot of this version, the partial ones first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> AllSnapshots => Captures.Append(Version);

    /// <summary>The RFC 3161 token over the snapshot blob; null while not yet timestamped.</summary>
    public SnapshotTimestamp? Timestamp { get; init; }

    /// <summary>
    /// The tokens of the earlier snapshots in <see cref="Captures"/>, by snapshot version (each over its own blob);
    /// absent while none of them is timestamped.
    /// </summary>
    public IReadOnlyDictionary<string, SnapshotTimestamp>? CaptureTimestamps { get; init; }

    /// <summary>Every token listed on this version, by the snapshot version it dates.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, SnapshotTimestamp> Timestamps
    {
        get
        {
            var all = new Dictionary<string, SnapshotTimestamp>(CaptureTimestamps ?? new Dictionary<string, SnapshotTimestamp>(), StringComparer.Ordinal);
            if (Timestamp is not null)
            {
                all[Version] = Timestamp;
            }

            return all;
        }
    }

    /// <summary>The token of one of this version's snapshots; null when it has none (or is not one of them).</summary>
    public SnapshotTimestamp? TimestampOf(string snapshot) => snapshot == Version ? Timestamp : CaptureTimestamps?.GetValueOrDefault(snapshot);

    /// <summary>This version with <paramref name="stamp"/> listed for <paramref name="snapshot"/>, when that is one of its snapshots and has no token yet.</summary>
    public TweetVersion WithTimestamp(string snapshot, SnapshotTimestamp stamp)
    {
        if (snapshot == Version)
        {
            return Timestamp is null ? this with { Timestamp = stamp } : this;
        }

        if (!Captures.Contains(snapshot) || CaptureTimestamps?.ContainsKey(snapshot) == true)
        {
            return this;
        }

        var earlier = new Dictionary<string, SnapshotTimestamp>(CaptureTimestamps ?? new Dictionary<string, SnapshotTimestamp>(), StringComparer.Ordinal) { [snapshot] = stamp };
        return this with { CaptureTimestamps = earlier };
    }

    /// <summary>In words, for people reading the state: <c>timestamped</c> or <c>not yet timestamped</c>.</summary>
    public string TimestampStatus => Timestamp is null ? "not yet timestamped" : "timestamped";
}

/// <summary>A snapshot named in the state before its blob is written: the recording that wrote it lists it next, or gives it up.</summary>
public sealed record PendingSnapshot
{
    public required string Version { get; init; }

    public required string Blob { get; init; }

    /// <summary>When the name was taken; an entry older than <see cref="SnapshotWriter.PendingLifetime"/> is given up.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Set once a later recording gave the snapshot up: its writer may no longer list it, and its blob is deleted next.</summary>
    public DateTimeOffset? AbandonedAt { get; init; }
}

/// <summary>What the latest version's capture lacks, and how its retries stand.</summary>
public sealed record PartialState
{
    public required DateTimeOffset Since { get; init; }

    /// <summary>Timer retries done so far (see <c>Archiver__Archive__PartialRetryIntervals</c>).</summary>
    public int Retries { get; init; }

    public required IReadOnlyList<MissingPart> Missing { get; init; }

    /// <summary>True while something missing may still come; false once every missing part has a conclusive answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Retryable => Missing.Any(m => m.Kind != PartFailure.Conclusive);
}

/// <summary>A change of status, with its evidence.</summary>
public sealed record StatusChange
{
    public required DateTimeOffset At { get; init; }

    public required TweetStatus Status { get; init; }

    public Unavailability? Reason { get; init; }

    public string? Source { get; init; }

    public int? HttpStatus { get; init; }

    public string? Wording { get; init; }

    /// <summary>SHA-256 of the raw body that shows it, stored under <c>raw/</c>.</summary>
    public string? EvidenceSha256 { get; init; }
}

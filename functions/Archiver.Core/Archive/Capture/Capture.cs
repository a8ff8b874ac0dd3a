using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// What asking the sources and fetching the media gave for one tweet, before anything about it is recorded: the
/// tweet and who delivered each part, the files stored, what is missing and why, and the evidence.
/// </summary>
internal sealed record Capture
{
    public required string TweetId { get; init; }

    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>The sources' answers (the best of each source over the attempts); null for a completion of stored files.</summary>
    public FetchReport? Report { get; init; }

    public TweetData? Tweet { get; init; }

    /// <summary>The source of the assembled tweet.</summary>
    public string? TweetSource { get; init; }

    public string? EmbedHtml { get; init; }

    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SnapshotFile> Files { get; init; } = [];

    /// <summary>Tweet parts a richer source would deliver, and files not stored.</summary>
    public IReadOnlyList<MissingPart> Missing { get; init; } = [];

    /// <summary>
    /// The avatar and card image when the host says they are gone or will not give them: kept in the snapshot's
    /// missing files, but they leave the capture complete (a transient failure of theirs does not: that is retried).
    /// </summary>
    public IReadOnlyList<MissingPart> OtherMissing { get; init; } = [];

    public IReadOnlyList<SourceFailure> Failures { get; init; } = [];

    /// <summary>Every upstream body this capture rests on, each stored under <c>raw/</c>.</summary>
    public IReadOnlyList<SnapshotSource> Sources { get; init; } = [];

    public Completeness Completeness => new() { Complete = Tweet is not null && Missing.Count == 0, Parts = Provenance, Missing = Missing, Failures = Failures };

    /// <summary>How much of the tweet the capture holds: parts and stored files.</summary>
    public int Coverage => Provenance.Count + Files.Count;

    /// <summary>
    /// Splits failed downloads into those that make the capture partial (any of the tweet's media and posters, and a
    /// transient failure of any file) and the rest (an avatar or card image gone or refused).
    /// </summary>
    public static (IReadOnlyList<MissingPart> Partial, IReadOnlyList<MissingPart> Other) Split(IReadOnlyList<MissingPart> failed)
    {
        static bool Counts(MissingPart f) => f.Role is "media" or "poster" || f.Kind == PartFailure.Transient;
        return (failed.Where(Counts).ToList(), failed.Where(f => !Counts(f)).ToList());
    }

    /// <summary>The longest wait a host asked for among the failures.</summary>
    public TimeSpan? RetryAfter => Missing.Select(m => m.RetryAfter).Max();
}

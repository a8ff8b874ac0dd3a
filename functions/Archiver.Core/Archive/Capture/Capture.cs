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
    /// The avatar and card image when not stored: kept in the snapshot's missing files and tried again with the
    /// media, but the tweet's own media, not these, decide whether a capture is complete.
    /// </summary>
    public IReadOnlyList<MissingPart> OtherMissing { get; init; } = [];

    public IReadOnlyList<SourceFailure> Failures { get; init; } = [];

    /// <summary>Every upstream body this capture rests on, each stored under <c>raw/</c>.</summary>
    public IReadOnlyList<SnapshotSource> Sources { get; init; } = [];

    public Completeness Completeness => new() { Complete = Tweet is not null && Missing.Count == 0, Parts = Provenance, Missing = Missing, Failures = Failures };

    /// <summary>How much of the tweet the capture holds: parts and stored files.</summary>
    public int Coverage => Provenance.Count + Files.Count;

    /// <summary>Splits failed downloads into the tweet's media (which the capture's completeness counts) and the others.</summary>
    public static (IReadOnlyList<MissingPart> Media, IReadOnlyList<MissingPart> Other) Split(IReadOnlyList<MissingPart> failed) =>
        (failed.Where(f => f.Role is "media" or "poster").ToList(), failed.Where(f => f.Role is not ("media" or "poster")).ToList());

    /// <summary>The longest wait a host asked for among the failures.</summary>
    public TimeSpan? RetryAfter => Missing.Select(m => m.RetryAfter).Max();
}

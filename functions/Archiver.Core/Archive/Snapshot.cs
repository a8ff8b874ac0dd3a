using Archiver.Evidence;
using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// One immutable capture of a tweet (schema <c>archiver.snapshot/1</c>, described by <c>schemas/snapshot.schema.json</c>):
/// the normalised tweet, when and by what it was captured, every file it refers to and every upstream response it
/// rests on, each with its SHA-256, so that what was saved can be shown to be untouched.
/// </summary>
public sealed record Snapshot
{
    public const string SchemaId = "archiver.snapshot/1";

    public string Schema { get; init; } = SchemaId;

    public required string TweetId { get; init; }

    /// <summary>The version name (capture instant as sortable UTC text); the blob is <c>snapshots/{version}.json</c>.</summary>
    public required string Version { get; init; }

    public required DateTimeOffset CapturedAt { get; init; }

    public required string ArchiverVersion { get; init; }

    /// <summary>SHA-256 over what a reader would call the tweet and its media bytes; counters excluded.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Which source supplied <see cref="Tweet"/>.</summary>
    public required string TweetSource { get; init; }

    public required TweetData Tweet { get; init; }

    /// <summary>The oEmbed blockquote: the embed as readers saw it.</summary>
    public string? EmbedHtml { get; init; }

    /// <summary>Set when the snowflake time of the id and the source's created_at disagree by more than a minute.</summary>
    public string? CreatedAtWarning { get; init; }

    public required IReadOnlyList<SnapshotFile> Files { get; init; }

    public required IReadOnlyList<SnapshotSource> Sources { get; init; }

    /// <summary>Files the tweet refers to that are not stored, and why (the same files as <see cref="Completeness"/> lists).</summary>
    public IReadOnlyList<SnapshotMissingFile> Missing { get; init; } = [];

    /// <summary>Which source delivered each part, what failed and how, and what is missing; absent in snapshots written before it was recorded.</summary>
    public Completeness? Completeness { get; init; }
}

/// <summary>A file the tweet refers to that is not in the archive, and why.</summary>
public sealed record SnapshotMissingFile
{
    public required string Role { get; init; }

    public int? Index { get; init; }

    public required string SourceUrl { get; init; }

    public required string Reason { get; init; }
}

/// <summary>A stored file the snapshot refers to.</summary>
public sealed record SnapshotFile
{
    /// <summary><c>media</c>, <c>poster</c>, <c>avatar</c> or <c>card</c>.</summary>
    public required string Role { get; init; }

    /// <summary>For media: its position in the tweet (0-based).</summary>
    public int? Index { get; init; }

    /// <summary>The name to download it by: <c>/api/tweets/{id}/media/{file}</c>.</summary>
    public required string File { get; init; }

    public required string SourceUrl { get; init; }

    public required string Blob { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public required string ContentType { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public long? DurationMs { get; init; }

    public string? AltText { get; init; }

    /// <summary>The URL the tweet names, when the bytes came from a fallback (<see cref="SourceUrl"/>) instead.</summary>
    public string? NamedUrl { get; init; }

    /// <summary>The source whose answer named the file.</summary>
    public string? ListedBy { get; init; }

    /// <summary>
    /// Set when this capture could not download the file but an earlier one stored it at the same URL: the version
    /// whose stored copy stands.
    /// </summary>
    public string? CarriedFrom { get; init; }

    /// <summary>When the bytes were fetched.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>The exchange that delivered the bytes: request line and headers sent, status line and headers received.</summary>
    public HttpRecord? Http { get; init; }
}

/// <summary>
/// One upstream response kept as evidence (one a snapshot rests on, or a short-link hop); its raw body is kept
/// verbatim at <see cref="Blob"/>.
/// </summary>
public sealed record SnapshotSource
{
    public required string Source { get; init; }

    public required string Endpoint { get; init; }

    public required string Url { get; init; }

    public int? Status { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Where a redirect pointed (its <c>Location</c>, made absolute).</summary>
    public string? Location { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public bool Truncated { get; init; }

    public required string Blob { get; init; }

    /// <summary>What the source said: <c>found</c>, <c>unavailable:{reason}</c> or <c>failed:{error}</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The request line and headers sent, the status line and headers received (no answer: null).</summary>
    public HttpRecord? Http { get; init; }

    /// <summary>Describes <paramref name="exchange"/>, whose body is stored at <paramref name="blob"/>.</summary>
    internal static SnapshotSource Of(UpstreamExchange exchange, string blob, string source, string outcome) => new()
    {
        Source = source,
        Endpoint = exchange.Endpoint,
        Url = exchange.Url,
        Status = exchange.Status,
        ContentType = exchange.ContentType,
        Location = exchange.Location,
        At = exchange.At,
        Sha256 = exchange.Sha256,
        Size = exchange.Body.Length,
        Truncated = exchange.Truncated,
        Blob = blob,
        Http = exchange.Http,
        Outcome = outcome,
    };
}

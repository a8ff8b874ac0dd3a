using System.Globalization;

namespace Archiver.Archive;

/// <summary>
/// The blob layout of the archive container (DESIGN.md, "Blob layout"), in one place: the names written and the
/// names read back from listings and tag queries.
/// </summary>
public static class BlobNames
{
    /// <summary>Every tweet's blobs live under this prefix, one virtual folder per tweet id.</summary>
    public const string TweetsPrefix = "tweets/";

    private const string StateSuffix = "/state.json";
    /// <summary>Each archive request, one blob per submission.</summary>
    public const string SubmissionsPrefix = "submissions/";
    private const string JsonSuffix = ".json";

    /// <summary>One empty blob per submission, named so that a plain listing gives the newest first.</summary>
    public const string SubmissionIndexPrefix = "submissions-newest/";

    public static string State(string tweetId) => $"{TweetsPrefix}{tweetId}{StateSuffix}";

    public static string SnapshotPrefix(string tweetId) => $"{TweetsPrefix}{tweetId}/snapshots/";

    public static string Snapshot(string tweetId, string version) => $"{SnapshotPrefix(tweetId)}{version}{JsonSuffix}";

    public static string Checks(string tweetId) => $"{TweetsPrefix}{tweetId}/checks.jsonl";

    /// <summary>The RFC 3161 reply over a snapshot blob, beside it.</summary>
    public static string Timestamp(string tweetId, string version) => $"{SnapshotPrefix(tweetId)}{version}.tsr";

    /// <summary>A snapshot that waits for its timestamp: the timer lists these (only these) to retry.</summary>
    public static string TimestampPending(string tweetId, string version) => $"{TimestampPendingPrefix}{tweetId}/{version}";

    public const string TimestampPendingPrefix = "timestamps/pending/";

    /// <summary>
    /// Raw upstream bodies (a snapshot's sources, short-link hops, fetched article pages), content-addressed: the same
    /// bytes are stored once. The headers of each exchange are kept in the record that names the body.
    /// </summary>
    public static string Raw(string sha256) => $"raw/{sha256}";

    /// <summary>Media files, content-addressed: the same bytes are stored once however many tweets use them.</summary>
    public static string Media(string sha256) => $"media/{sha256}";

    public static string Submission(string submissionId) => $"{SubmissionsPrefix}{submissionId}{JsonSuffix}";

    /// <summary>
    /// <c>submissions-newest/{99999999999999 - yyyyMMddHHmmss}-{id}</c>: the arrival second counted down, so names sort
    /// newest first. A prefix listing pages through it with continuations, on Azure and Azurite alike.
    /// </summary>
    public static string SubmissionIndex(string submissionId) =>
        long.TryParse(submissionId.AsSpan(0, Math.Min(14, submissionId.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var arrived) && submissionId.Length > 14
            ? string.Create(CultureInfo.InvariantCulture, $"{SubmissionIndexPrefix}{99_999_999_999_999L - arrived:D14}-{submissionId}")
            : throw new ArgumentException($"'{submissionId}' is not a submission id.", nameof(submissionId));

    /// <summary>The submission id of a <c>submissions-newest/</c> blob name; null for any other blob.</summary>
    public static string? SubmissionIdOfIndex(string blobName) =>
        blobName.StartsWith(SubmissionIndexPrefix, StringComparison.Ordinal) && blobName.Length > SubmissionIndexPrefix.Length + 15
            ? blobName[(SubmissionIndexPrefix.Length + 15)..]
            : null;

    /// <summary>
    /// A bundle built once for the Functions host, per latest version and per number of timestamp tokens and of short
    /// links it holds (a token or a short link listed later makes a new export); <paramref name="extension"/> is
    /// <c>zip</c> or <c>wacz</c>: <c>exports/{id}/{version}[-t{tokens}][-l{short links}].{extension}</c>.
    /// </summary>
    public static string Export(string tweetId, string version, int tokens, int shortLinks, string extension) =>
        $"exports/{tweetId}/{version}{(tokens > 0 ? $"-t{tokens}" : "")}{(shortLinks > 0 ? $"-l{shortLinks}" : "")}.{extension}";

    /// <summary>A version name: the capture instant as sortable UTC text, safe in a blob name and a URL.</summary>
    public static string Version(DateTimeOffset capturedAt) =>
        capturedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The tweet id of a <c>tweets/{id}/state.json</c> blob name; null for any other blob.</summary>
    public static string? TweetIdOfState(string blobName) =>
        blobName.StartsWith(TweetsPrefix, StringComparison.Ordinal) && blobName.EndsWith(StateSuffix, StringComparison.Ordinal)
        && blobName.Length > TweetsPrefix.Length + StateSuffix.Length
            ? blobName[TweetsPrefix.Length..^StateSuffix.Length]
            : null;

    /// <summary>The tweet id of a <c>tweets/{id}/</c> virtual folder, as a hierarchical listing names it; null otherwise.</summary>
    public static string? TweetIdOfFolder(string prefix) =>
        prefix.StartsWith(TweetsPrefix, StringComparison.Ordinal) && prefix.Length > TweetsPrefix.Length + 1 && prefix.EndsWith('/')
            ? prefix[TweetsPrefix.Length..^1]
            : null;

    /// <summary>The submission id of a <c>submissions/{id}.json</c> blob name; null for any other blob.</summary>
    public static string? SubmissionIdOf(string blobName) =>
        blobName.StartsWith(SubmissionsPrefix, StringComparison.Ordinal) && blobName.EndsWith(JsonSuffix, StringComparison.Ordinal)
        && blobName.Length > SubmissionsPrefix.Length + JsonSuffix.Length
            ? blobName[SubmissionsPrefix.Length..^JsonSuffix.Length]
            : null;
}

using System.Globalization;

namespace Archiver.Archive;

/// <summary>The blob layout of the archive container (DESIGN.md, "Blob layout"), in one place.</summary>
public static class BlobNames
{
    public static string State(string tweetId) => $"tweets/{tweetId}/state.json";

    public static string SnapshotPrefix(string tweetId) => $"tweets/{tweetId}/snapshots/";

    public static string Snapshot(string tweetId, string version) => $"{SnapshotPrefix(tweetId)}{version}.json";

    /// <summary>Raw upstream bodies, content-addressed: the same bytes are stored once.</summary>
    public static string Raw(string sha256) => $"raw/{sha256}";

    /// <summary>Media files, content-addressed: the same bytes are stored once however many tweets use them.</summary>
    public static string Media(string sha256) => $"media/{sha256}";

    public static string Submission(string submissionId) => $"submissions/{submissionId}.json";

    public static string Export(string tweetId, string version) => $"exports/{tweetId}/{version}.zip";

    /// <summary>A version name: the capture instant as sortable UTC text, safe in a blob name and a URL.</summary>
    public static string Version(DateTimeOffset capturedAt) =>
        capturedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;

namespace Archiver.Recheck;

/// <summary>
/// The due-date index: each tweet's <c>state.json</c> carries a blob index tag <c>dueAt</c> (fixed-width UTC text, so
/// string order is time order), and a range query finds the due ones without listing the archive.
/// </summary>
public sealed class DueIndex(BlobContainerClient container)
{
    public const string DueTag = "dueAt";

    /// <summary>The tweet id of a <c>tweets/{id}/state.json</c> blob name; null for any other blob.</summary>
    public static string? TweetIdOf(string blobName) =>
        blobName.StartsWith("tweets/", StringComparison.Ordinal) && blobName.EndsWith("/state.json", StringComparison.Ordinal)
            ? blobName["tweets/".Length..^"/state.json".Length]
            : null;

    public static string FormatDue(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The blobs whose <c>dueAt</c> is at or before <paramref name="now"/>, at most <paramref name="max"/>.</summary>
    public async IAsyncEnumerable<DueEntry> FindDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        var query = $"\"{DueTag}\" <= '{FormatDue(now)}'";
        await foreach (var item in container.FindBlobsByTagsAsync(query, cancellationToken))
        {
            if (count++ >= max)
            {
                yield break;
            }

            yield return new DueEntry(item.BlobName, TweetIdOf(item.BlobName), item.Tags.TryGetValue(DueTag, out var due) ? due : null);
        }
    }
}

/// <summary>A blob the index says is due, the tweet it is the state of, and its due text.</summary>
public sealed record DueEntry(string BlobName, string? TweetId, string? DueAt);

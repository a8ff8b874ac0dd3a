using System.Runtime.CompilerServices;
using Archiver.Archive;
using Azure.Storage.Blobs;

namespace Archiver.Recheck;

/// <summary>
/// The due-date index: each tweet's <c>state.json</c> carries a blob index tag <c>dueAt</c> (fixed-width UTC text, so
/// string order is time order), and a range query finds the due ones without listing the archive.
/// </summary>
public sealed class DueIndex(BlobContainerClient container)
{
    /// <summary>The blobs whose <c>dueAt</c> is at or before <paramref name="now"/>, at most <paramref name="max"/>.</summary>
    public async IAsyncEnumerable<DueEntry> FindDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in container.FindBlobsByTagsAsync(BlobTags.DueBy(now), cancellationToken))
        {
            if (count++ >= max)
            {
                yield break;
            }

            yield return new DueEntry(item.BlobName, BlobNames.TweetIdOfState(item.BlobName), item.Tags.TryGetValue(BlobTags.DueAt, out var due) ? due : null);
        }
    }
}

/// <summary>A blob the index says is due, the tweet it is the state of, and its due text.</summary>
public sealed record DueEntry(string BlobName, string? TweetId, string? DueAt);

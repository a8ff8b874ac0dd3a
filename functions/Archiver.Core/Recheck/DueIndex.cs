using System.Runtime.CompilerServices;
using Archiver.Archive;

namespace Archiver.Recheck;

/// <summary>
/// The due-date index: each tweet's <c>state.json</c> carries a blob index tag <c>dueAt</c> (fixed-width UTC text, so
/// string order is time order), and a range query finds the due ones without listing the archive (on Azure; on
/// Azurite <see cref="TagIndex"/> lists the states instead).
/// </summary>
public sealed class DueIndex(TagIndex index)
{
    /// <summary>The blobs whose <c>dueAt</c> is at or before <paramref name="now"/>, at most <paramref name="max"/>.</summary>
    public async IAsyncEnumerable<DueEntry> FindDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in index.FindAllAsync(BlobTags.DueBy(now), cancellationToken))
        {
            if (count++ >= max)
            {
                yield break;
            }

            yield return new DueEntry(item.Name, BlobNames.TweetIdOfState(item.Name), item.Tags.TryGetValue(BlobTags.DueAt, out var due) ? due : null);
        }
    }
}

/// <summary>A blob the index says is due, the tweet it is the state of, and its due text.</summary>
public sealed record DueEntry(string BlobName, string? TweetId, string? DueAt);

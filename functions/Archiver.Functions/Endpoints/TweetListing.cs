using Archiver.Archive;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// Pages through archived tweets: all of them by blob listing, or by status and change time through the state blobs'
/// index tags (<see cref="TagIndex"/>: the service's index on Azure, a listing of <c>tweets/</c> on Azurite).
/// </summary>
public sealed class TweetListing(BlobContainerClient container, ArchiveStore store, TagIndex index)
{
    public async Task<TweetListView> ListAsync(TweetStatus? status, DateTimeOffset? changedSince, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? next = null;
        var conditions = new List<TagCondition>();
        if (status is { } wanted)
        {
            conditions.Add(BlobTags.StatusIs(wanted));
        }

        if (changedSince is { } since)
        {
            conditions.Add(BlobTags.ChangedSince(since));
        }

        if (conditions.Count > 0)
        {
            var page = await index.FindPageAsync(BlobTags.States(conditions), continuation, pageSize, cancellationToken);
            ids.AddRange(page.Blobs.Select(b => BlobNames.TweetIdOfState(b.Name)).OfType<string>());
            next = page.Continuation;
        }
        else
        {
            await foreach (var page in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", BlobNames.TweetsPrefix, cancellationToken).AsPages(continuation, pageSize))
            {
                ids.AddRange(page.Values.Where(v => v.IsPrefix).Select(v => BlobNames.TweetIdOfFolder(v.Prefix)).OfType<string>());
                next = page.ContinuationToken;
                break;
            }
        }

        var tweets = new List<TweetSummary>();
        foreach (var id in ids)
        {
            if (await store.ReadStateAsync(id, cancellationToken) is { } state)
            {
                var s = state.Value;
                tweets.Add(new TweetSummary(s.TweetId, s.ScreenName, s.Status, s.LastCheckedAt, s.Versions.Count, $"/api/tweets/{s.TweetId}"));
            }
        }

        return new TweetListView(tweets, string.IsNullOrEmpty(next) ? null : next);
    }
}

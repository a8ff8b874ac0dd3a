using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// Keeps short-link resolutions as evidence: each hop's raw body under <c>raw/</c> (its headers go in the record),
/// the record on the citation, and on the state of the tweet the link led to, once per distinct resolution and at most
/// <see cref="MaxPerTweet"/> of them, so that the tweet's bundles carry the hops.
/// </summary>
internal sealed class ShortLinkRecorder(ArchiveStore store, TimeProvider time)
{
    /// <summary>A tweet lists at most this many distinct resolutions; later ones stay on their submissions only.</summary>
    public const int MaxPerTweet = 20;

    /// <summary>Stores every hop's raw body and describes the resolution with them.</summary>
    public async Task<ShortLinkRecord> KeepAsync(ShortLinkResolution resolution, CancellationToken cancellationToken)
    {
        var blobs = new List<string>();
        foreach (var hop in resolution.Hops)
        {
            blobs.Add(await store.PutRawAsync(hop, cancellationToken));
        }

        return ShortLinkRecord.Of(resolution, blobs, time.GetUtcNow());
    }

    /// <summary>Lists <paramref name="record"/> on the tweet's state, unless the tweet has no state, lists it already, or is full.</summary>
    public async Task ListOnTweetAsync(string tweetId, ShortLinkRecord record, CancellationToken cancellationToken)
    {
        var read = await store.ReadStateAsync(tweetId, cancellationToken);
        if (read is null || !Adds(read.Value, record))
        {
            return;
        }

        await store.UpdateStateAsync(tweetId, current => current is not null && Adds(current, record)
            ? current with { ShortLinks = [.. current.ShortLinks, record] }
            : current ?? read.Value, cancellationToken, new LastRead<TweetState>(read));
    }

    private static bool Adds(TweetState state, ShortLinkRecord record) =>
        state.ShortLinks.Count < MaxPerTweet && state.ShortLinks.All(l => l.Key != record.Key);
}

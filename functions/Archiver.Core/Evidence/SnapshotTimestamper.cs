using System.Security.Cryptography;
using Archiver.Archive;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Evidence;

/// <summary>
/// Dates each new snapshot with an RFC 3161 token over the SHA-256 of its blob. Before the state names a new version,
/// a marker (<c>timestamps/pending/{id}/{version}</c>) says it waits for a token; after, the authority is asked once,
/// and the reply is kept beside the snapshot as <c>{version}.tsr</c> and listed on the version in the state (under
/// <c>captureTimestamps</c> when a fuller capture has meanwhile completed that version), then the
/// marker goes. An authority that is down, slow or wrong never fails archiving: the marker stays and
/// <see cref="RetryPendingAsync"/> (each <c>RecheckLinks</c> run) asks again.
/// </summary>
public sealed class SnapshotTimestamper(TimestampClient client, ArchiveStore store, IOptions<EvidenceOptions> options, ILogger<SnapshotTimestamper> logger)
{
    public bool Enabled => client.Enabled;

    /// <summary>Notes that a snapshot about to be listed waits for a token (nothing when no authority is configured).</summary>
    public async Task MarkPendingAsync(string tweetId, string version, CancellationToken cancellationToken)
    {
        if (client.Enabled)
        {
            await store.PutMarkerAsync(BlobNames.TimestampPending(tweetId, version), cancellationToken);
        }
    }

    /// <summary>Asks for and keeps the token of one snapshot: the state written with it, or null (logged) when not yet timestamped.</summary>
    public async Task<TweetState?> StampAsync(string tweetId, string version, CancellationToken cancellationToken)
    {
        if (client.Enabled is false || client.Authority is not { } authority)
        {
            return null;
        }

        var snapshotBlob = BlobNames.Snapshot(tweetId, version);
        try
        {
            // Only a listed snapshot is dated: one still pending may yet be given up, and its token would be listed nowhere.
            var read = await store.ReadStateAsync(tweetId, cancellationToken);
            if (read is null || !read.Value.Versions.Any(v => v.AllSnapshots.Contains(version)))
            {
                if (!SnapshotWriter.IsPending(read?.Value, version))
                {
                    // Never listed and no longer pending: the snapshot was given up, and its marker goes with it.
                    await store.DeleteIfExistsAsync(BlobNames.TimestampPending(tweetId, version), cancellationToken);
                }

                return null;
            }

            var snapshot = (await store.Blob(snapshotBlob).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            var sha256 = SHA256.HashData(snapshot);
            var reply = await client.RequestAsync(sha256, cancellationToken);
            if (!reply.Succeeded)
            {
                Log.NotTimestamped(logger, snapshotBlob, reply.Error!);
                return null;
            }

            var tokenBlob = BlobNames.Timestamp(tweetId, version);
            if (!await store.PutImmutableBytesAsync(tokenBlob, reply.Response!, "application/timestamp-reply", cancellationToken))
            {
                // A token kept by an earlier try whose state write never came (or by a try running at once): the state
                // lists what that blob holds, not this reply.
                reply = TimestampReply.OfStored((await store.Blob(tokenBlob).DownloadContentAsync(cancellationToken)).Value.Content.ToArray(), sha256);
                if (!reply.Succeeded)
                {
                    Log.NotTimestamped(logger, snapshotBlob, $"{tokenBlob}: {reply.Error}");
                    return null;
                }
            }
            var stamp = new SnapshotTimestamp
            {
                Blob = tokenBlob,
                SnapshotSha256 = Convert.ToHexStringLower(sha256),
                Authority = authority.AbsoluteUri,
                GenTime = reply.GenTime!.Value,
                Serial = reply.Serial,
                Signer = reply.Signer,
            };
            var state = await store.UpdateStateAsync(tweetId, current => current is null ? throw new InvalidOperationException($"Tweet {tweetId} has no state.") : current with
            {
                Versions = [.. current.Versions.Select(v => v.WithTimestamp(version, stamp))],
            }, cancellationToken, new LastRead<TweetState>(read));
            await store.DeleteIfExistsAsync(BlobNames.TimestampPending(tweetId, version), cancellationToken);
            Log.Timestamped(logger, snapshotBlob, authority.AbsoluteUri, stamp.GenTime);
            return state.Value;
        }
        catch (RequestFailedException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NotTimestamped(logger, snapshotBlob, $"storage answered {e.Status} ({e.ErrorCode})");
            return null;
        }
    }

    /// <summary>Asks again for the snapshots still waiting (at most the configured number per run); how many got a token.</summary>
    public async Task<int> RetryPendingAsync(CancellationToken cancellationToken)
    {
        if (!client.Enabled)
        {
            return 0;
        }

        var stamped = 0;
        var tried = 0;
        await foreach (var name in store.ListNamesAsync(BlobNames.TimestampPendingPrefix, cancellationToken))
        {
            var parts = name[BlobNames.TimestampPendingPrefix.Length..].Split('/');
            if (parts.Length != 2)
            {
                continue;
            }

            if (++tried > options.Value.TimestampRetriesPerRun)
            {
                break;
            }

            if (await StampAsync(parts[0], parts[1], cancellationToken) is not null)
            {
                stamped++;
            }
        }

        return stamped;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Archiver.Sources;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Archiver.Archive;

/// <summary>
/// Reads and writes the archive's blobs, keeping DESIGN's rules: immutable blobs with <c>If-None-Match: *</c>
/// (content-addressed ones are simply already there), state with <c>If-Match</c>, nothing overwritten blindly.
/// </summary>
public sealed class ArchiveStore(ArchiveContainer archive, KnownBlobs known, TagIndex index)
{
    /// <summary>
    /// Media files larger than this are looked for before they are uploaded: a conditional upload that finds the blob
    /// there would have sent every byte first. Smaller ones go up at once under <c>If-None-Match: *</c>.
    /// </summary>
    public const long LookBeforeUploadBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Blocks of 4 MiB, 4 at a time, for media uploads: the SDK buffers each block in flight, so its own defaults
    /// (8 MiB blocks, 8 at once) held some 64 MB per large file.
    /// </summary>
    private static readonly StorageTransferOptions MediaTransfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 4,
    };

    private BlobContainerClient Container => archive.Client;

    /// <summary>Stores a raw upstream body under its hash, once.</summary>
    internal Task<string> PutRawAsync(UpstreamExchange exchange, CancellationToken cancellationToken) =>
        PutRawAsync(exchange.Sha256, exchange.Body, exchange.ContentType, cancellationToken);

    /// <summary>Stores a raw body (an upstream answer, a fetched article page) under its hash, once.</summary>
    public async Task<string> PutRawAsync(string sha256, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        var name = BlobNames.Raw(sha256);
        if (!known.Contains(name))
        {
            await PutImmutableAsync(name, BinaryData.FromBytes(body), contentType ?? "application/octet-stream", cancellationToken);
            known.Add(name);
        }

        return name;
    }

    /// <summary>Stores a media file from a local file under its hash, once; the bytes are streamed, not loaded.</summary>
    public async Task<string> PutMediaAsync(string path, string sha256, string contentType, CancellationToken cancellationToken)
    {
        var name = BlobNames.Media(sha256);
        if (known.Contains(name))
        {
            return name;
        }

        await archive.Created.WaitAsync(cancellationToken);
        var blob = Container.GetBlobClient(name);
        if (new FileInfo(path).Length > LookBeforeUploadBytes && await blob.ExistsAsync(cancellationToken))
        {
            known.Add(name);
            return name;
        }

        try
        {
            await using var file = File.OpenRead(path);
            await blob.UploadAsync(file, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                TransferOptions = MediaTransfer,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (IsAlreadyThere(e))
        {
            // Same hash, same bytes: already stored by an earlier capture.
        }

        known.Add(name);
        return name;
    }

    /// <summary>
    /// Writes a snapshot under its version name, never over another: false when a blob of that name exists already
    /// (the caller picks another name), so a snapshot the state will reference is always the one it wrote.
    /// </summary>
    public async Task<bool> TryWriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(snapshot, ArchiveJsonContext.Default.Snapshot);
        try
        {
            await Container.GetBlobClient(BlobNames.Snapshot(snapshot.TweetId, snapshot.Version)).UploadAsync(BinaryData.FromBytes(json), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (IsAlreadyThere(e))
        {
            return false;
        }
    }

    public async Task<Snapshot?> ReadSnapshotAsync(string tweetId, string version, CancellationToken cancellationToken) =>
        (await ReadJsonAsync(BlobNames.Snapshot(tweetId, version), ArchiveJsonContext.Default.Snapshot, cancellationToken))?.Value;

    public async Task<Stored<TweetState>?> ReadStateAsync(string tweetId, CancellationToken cancellationToken) =>
        await ReadJsonAsync(BlobNames.State(tweetId), ArchiveJsonContext.Default.TweetState, cancellationToken);

    /// <summary>
    /// Writes a tweet's state: as new (<paramref name="etag"/> null, fails if one exists) or over the version read
    /// (fails if anyone wrote since). The due-date index tag goes with it. Throws 412/409 <see cref="RequestFailedException"/> on a lost race.
    /// </summary>
    public async Task<ETag> WriteStateAsync(TweetState state, ETag? etag, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(state, ArchiveJsonContext.Default.TweetState);
        var response = await Container.GetBlobClient(BlobNames.State(state.TweetId)).UploadAsync(BinaryData.FromBytes(json), new BlobUploadOptions
        {
            Conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Tags = BlobTags.OfState(state),
        }, cancellationToken);
        return response.Value.ETag;
    }

    /// <summary>
    /// Read-modify-write of a tweet's state that never loses an update: on a lost race it reads again and re-applies
    /// <paramref name="change"/>. <paramref name="change"/> gets null for a tweet not yet stored. With
    /// <paramref name="lastRead"/>, the first attempt writes over what the caller read, without reading again.
    /// </summary>
    public Task<Stored<TweetState>> UpdateStateAsync(string tweetId, Func<TweetState?, TweetState> change, CancellationToken cancellationToken, LastRead<TweetState>? lastRead = null) =>
        UpdateAsync(lastRead, () => ReadStateAsync(tweetId, cancellationToken), change, (next, etag) => WriteStateAsync(next, etag, cancellationToken));

    /// <summary>
    /// Stores a new submission: its entry in the newest-first index, then the submission. An entry whose submission was
    /// never written (a crash in between) is skipped by <see cref="ListSubmissionsAsync"/>.
    /// </summary>
    public async Task<ETag> CreateSubmissionAsync(Submission submission, CancellationToken cancellationToken)
    {
        await PutImmutableAsync(BlobNames.SubmissionIndex(submission.Id), BinaryData.Empty, "application/octet-stream", cancellationToken);
        return await WriteSubmissionAsync(submission, null, cancellationToken);
    }

    /// <summary>One page of submissions, newest first, through the <c>submissions-newest/</c> listing.</summary>
    public async Task<(IReadOnlyList<Submission> Submissions, string? Continuation)> ListSubmissionsAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var ids = new List<string>();
        string? next = null;
        await foreach (var page in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, BlobNames.SubmissionIndexPrefix, cancellationToken).AsPages(continuation, pageSize))
        {
            ids.AddRange(page.Values.Select(b => BlobNames.SubmissionIdOfIndex(b.Name)).OfType<string>());
            next = page.ContinuationToken;
            break;
        }

        var read = await Task.WhenAll(ids.Select(id => ReadSubmissionAsync(id, cancellationToken)));
        return ([.. read.OfType<Stored<Submission>>().Select(s => s.Value)], string.IsNullOrEmpty(next) ? null : next);
    }

    public async Task<Stored<Submission>?> ReadSubmissionAsync(string id, CancellationToken cancellationToken) =>
        await ReadJsonAsync(BlobNames.Submission(id), SubmissionJsonContext.Default.Submission, cancellationToken);

    /// <summary>
    /// Read-modify-write of a submission, safe against concurrent updates (a request and the timer). With
    /// <paramref name="lastRead"/> (what this caller last read or wrote), the first attempt writes without reading.
    /// </summary>
    public Task<Stored<Submission>> UpdateSubmissionAsync(string id, Func<Submission, Submission> change, CancellationToken cancellationToken, Stored<Submission>? lastRead = null) =>
        UpdateAsync(
            lastRead is null ? null : new LastRead<Submission>(lastRead),
            () => ReadSubmissionAsync(id, cancellationToken),
            current => change(current ?? throw new InvalidOperationException($"Submission {id} does not exist.")),
            (next, etag) => WriteSubmissionAsync(next, etag, cancellationToken));

    /// <summary>Submissions with work left, found through their <c>pending</c> index tag.</summary>
    public async IAsyncEnumerable<string> FindPendingSubmissionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        await foreach (var item in index.FindAllAsync(BlobTags.PendingSubmissions, cancellationToken))
        {
            if (BlobNames.SubmissionIdOf(item.Name) is { } id)
            {
                yield return id;
            }
        }
    }

    public BlobClient Blob(string name) => Container.GetBlobClient(name);

    public BlockBlobClient BlockBlob(string name) => Container.GetBlockBlobClient(name);

    private async Task<ETag> WriteSubmissionAsync(Submission submission, ETag? etag, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(submission, SubmissionJsonContext.Default.Submission);
        var response = await Container.GetBlobClient(BlobNames.Submission(submission.Id)).UploadAsync(BinaryData.FromBytes(json), new BlobUploadOptions
        {
            Conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Tags = BlobTags.OfSubmission(submission),
        }, cancellationToken);
        return response.Value.ETag;
    }

    /// <summary>
    /// The one read-modify-write loop: writes <paramref name="change"/> of the current value under its ETag (or as new
    /// when there is none), and on a lost race reads again and re-applies it, up to 8 times.
    /// </summary>
    private static async Task<Stored<T>> UpdateAsync<T>(LastRead<T>? lastRead, Func<Task<Stored<T>?>> read, Func<T?, T> change, Func<T, ETag?, Task<ETag>> write)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = attempt == 1 && lastRead is not null ? lastRead.Stored : await read();
            var next = change(current?.Value);
            try
            {
                return new Stored<T>(next, await write(next, current?.ETag));
            }
            catch (RequestFailedException e) when (attempt < 8 && IsAlreadyThere(e))
            {
                // Someone else wrote in between: read their version and apply the change to it.
            }
        }
    }

    private async Task PutImmutableAsync(string name, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        try
        {
            await Container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (IsAlreadyThere(e))
        {
        }
    }

    private async Task<Stored<T>?> ReadJsonAsync<T>(string name, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        await archive.Created.WaitAsync(cancellationToken);
        try
        {
            var result = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            var value = JsonSerializer.Deserialize(result.Value.Content.ToMemory().Span, type)
                ?? throw new InvalidDataException($"{name} holds JSON null.");
            return new Stored<T>(value, result.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>An <c>If-None-Match: *</c> write found the blob there: 409 BlobAlreadyExists (412 from some servers).</summary>
    private static bool IsAlreadyThere(RequestFailedException e) =>
        e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.Status is 409 or 412;
}

/// <summary>A value read from a blob with the ETag it had.</summary>
public sealed record Stored<T>(T Value, ETag ETag);

/// <summary>What a caller last read of a blob: its value and ETag, or that there was no such blob (<see cref="Stored"/> null).</summary>
public sealed record LastRead<T>(Stored<T>? Stored);

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Archiver.Evidence;

namespace Archiver.Archive;

/// <summary>
/// A tweet's bundle: every snapshot, every media file, every raw upstream body (the short-link hops' too),
/// <c>state.json</c>, an offline <c>index.html</c>, each snapshot's RFC 3161 token, <c>manifest.json</c> (which also
/// lists the short links that led to the tweet, hop by hop) and <c>SHA256SUMS</c> with the SHA-256 and size of every
/// other file; or the same evidence as a WACZ (<see cref="WaczWriter"/>). Either is written to any stream
/// as it is built (the response, standalone) or once into <c>exports/</c> (under the host, which buffers responses).
/// Files are copied from their blobs in chunks, never loaded whole.
/// </summary>
public sealed class BundleExporter(ArchiveStore store, WaczWriter wacz)
{
    private const int CopyBufferBytes = 81920;

    /// <summary>The tweet's state and readable snapshots; null when it has no snapshot yet (never captured).</summary>
    public async Task<Bundle?> PrepareAsync(TweetState state, CancellationToken cancellationToken)
    {
        var snapshots = new List<(TweetVersion, Snapshot)>();
        var earlier = new List<Snapshot>();
        foreach (var version in state.Versions)
        {
            if (await store.ReadSnapshotAsync(state.TweetId, version.Version, cancellationToken) is { } snapshot)
            {
                snapshots.Add((version, snapshot));
            }

            foreach (var capture in version.Captures)
            {
                if (await store.ReadSnapshotAsync(state.TweetId, capture, cancellationToken) is { } partial)
                {
                    earlier.Add(partial);
                }
            }
        }

        return snapshots.Count == 0 ? null : new Bundle(state, snapshots) { EarlierCaptures = earlier };
    }

    /// <summary>Writes the bundle in <paramref name="format"/> to <paramref name="output"/> as it is built; the stream need not seek.</summary>
    public Task WriteAsync(Bundle bundle, BundleFormat format, Stream output, CancellationToken cancellationToken) =>
        format == BundleFormat.Wacz ? wacz.WriteAsync(bundle, output, cancellationToken) : WriteAsync(bundle, output, cancellationToken);

    /// <summary>Writes the ZIP to <paramref name="output"/> entry by entry, asynchronously only; the stream need not seek.</summary>
    public async Task WriteAsync(Bundle bundle, Stream output, CancellationToken cancellationToken)
    {
        await using var target = new DeferredWriteStream(output);
        await using (var zip = await ZipArchive.CreateAsync(target, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await WriteEntriesAsync(bundle, zip, cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The bundle as a blob, built on first use and kept per version (a lifecycle rule removes old exports). The blob
    /// becomes visible only when the ZIP is complete: its block list is committed when the stream closes.
    /// </summary>
    public async Task<BlobClient> ExportAsync(Bundle bundle, BundleFormat format, CancellationToken cancellationToken)
    {
        var export = store.Blob(BlobNames.Export(bundle.TweetId, bundle.Latest.Version, bundle.Snapshots.Sum(s => s.Version.Timestamps.Count), bundle.State.ShortLinks.Count, bundle.Extension(format)));
        if (await export.ExistsAsync(cancellationToken))
        {
            return export;
        }

        await using (var output = await store.BlockBlob(export.Name).OpenWriteAsync(true, new BlockBlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = Bundle.ContentType(format) },
        }, cancellationToken))
        {
            await WriteAsync(bundle, format, output, cancellationToken);
        }

        return export;
    }

    private async Task WriteEntriesAsync(Bundle bundle, ZipArchive zip, CancellationToken cancellationToken)
    {
        var manifest = new List<BundleEntry>();
        foreach (var (version, snapshot) in bundle.AllSnapshots)
        {
            await CopyAsync(zip, $"snapshots/{snapshot.Version}.json", BlobNames.Snapshot(bundle.TweetId, snapshot.Version), CompressionLevel.Optimal, manifest, cancellationToken);
            if (version.TimestampOf(snapshot.Version) is { } timestamp)
            {
                await CopyAsync(zip, $"snapshots/{snapshot.Version}.tsr", timestamp.Blob, CompressionLevel.NoCompression, manifest, cancellationToken);
            }
        }

        var all = bundle.AllSnapshots.Select(s => s.Snapshot).ToList();
        foreach (var file in all.SelectMany(s => s.Files).DistinctBy(f => f.Sha256))
        {
            // Photos and videos are compressed already: deflating them again costs time and saves nothing.
            await CopyAsync(zip, $"media/{file.File}", file.Blob, CompressionLevel.NoCompression, manifest, cancellationToken);
        }

        foreach (var source in all.SelectMany(s => s.Sources).Concat(bundle.State.ShortLinks.SelectMany(l => l.Hops)).DistinctBy(s => s.Sha256))
        {
            await CopyAsync(zip, $"raw/{source.Sha256}", source.Blob, CompressionLevel.Optimal, manifest, cancellationToken);
        }

        await AddTextAsync(zip, "state.json", JsonSerializer.Serialize(bundle.State, ArchiveJsonContext.Default.TweetState), manifest, cancellationToken);
        await AddTextAsync(zip, "index.html", BundleOfflineView.Render(bundle.State, bundle.Snapshots[^1].Snapshot), manifest, cancellationToken);
        await AddTextAsync(zip, "manifest.json", ManifestJson(bundle, manifest), null, cancellationToken);
        await AddTextAsync(zip, "SHA256SUMS", string.Concat(manifest.Select(e => $"{e.Sha256}  {e.Path}\n")), null, cancellationToken);
    }

    private sealed record BundleEntry(string Path, string Sha256, long Size);

    /// <summary>Every other file of the bundle with its SHA-256 and size, as JSON (SHA256SUMS says the same for sha256sum).</summary>
    private static string ManifestJson(Bundle bundle, IReadOnlyList<BundleEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "archiver.bundle/1");
            json.WriteString("tweetId", bundle.TweetId);
            json.WriteString("version", bundle.Latest.Version);
            json.WriteString("archiverVersion", CaptureRecorder.ArchiverVersion);
            // Whether the latest capture is complete, and what it lacks and why (snapshots written before this was recorded say nothing).
            var completeness = bundle.Snapshots[^1].Snapshot.Completeness;
            json.WriteBoolean("complete", bundle.State.Partial is null && completeness?.Complete != false);
            json.WriteStartArray("missing");
            foreach (var line in CaptureRecorder.Describe(completeness?.Missing ?? []))
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteStartArray("files");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("path", entry.Path);
                json.WriteString("sha256", entry.Sha256);
                json.WriteNumber("size", entry.Size);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("timestamps");
            // One entry per snapshot in the bundle (a version's earlier captures first), each with its own token.
            foreach (var (version, snapshot) in bundle.AllSnapshots)
            {
                json.WriteStartObject();
                json.WriteString("version", version.Version);
                json.WriteString("snapshot", $"snapshots/{snapshot.Version}.json");
                if (version.TimestampOf(snapshot.Version) is { } timestamp)
                {
                    json.WriteString("token", $"snapshots/{snapshot.Version}.tsr");
                    json.WriteString("snapshotSha256", timestamp.SnapshotSha256);
                    json.WriteString("authority", timestamp.Authority);
                    json.WriteString("genTime", timestamp.GenTime);
                }
                else
                {
                    json.WriteNull("token");
                    json.WriteString("status", "not yet timestamped");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            // The short links that led to the tweet, hop by hop with their headers; each hop's body is its blob, raw/{sha256}.
            json.WritePropertyName("shortLinks");
            JsonSerializer.Serialize(json, bundle.State.ShortLinks, ArchiveJsonContext.Default.IReadOnlyListShortLinkRecord);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private async Task CopyAsync(ZipArchive zip, string path, string blobName, CompressionLevel level, List<BundleEntry> manifest, CancellationToken cancellationToken)
    {
        Stream source;
        try
        {
            // One streaming GET (resumed by the SDK if the connection drops), read in small pieces: no multi-megabyte
            // range buffers per file, which a 500 MB video would turn into hundreds of large-object allocations.
            source = (await store.Blob(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A referenced blob that is missing would break the bundle's promise; say so in the bundle itself.
            manifest.Add(new BundleEntry(path + " (missing from the archive)", new string('0', 64), 0));
            return;
        }

        await using (source)
        {
            await using var target = await zip.CreateEntry(path, level).OpenAsync(cancellationToken);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[CopyBufferBytes];
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            manifest.Add(new BundleEntry(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size));
        }
    }

    private static async Task AddTextAsync(ZipArchive zip, string path, string text, List<BundleEntry>? manifest, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await using (var target = await zip.CreateEntry(path, CompressionLevel.Optimal).OpenAsync(cancellationToken))
        {
            await target.WriteAsync(bytes, cancellationToken);
        }

        manifest?.Add(new BundleEntry(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
    }
}

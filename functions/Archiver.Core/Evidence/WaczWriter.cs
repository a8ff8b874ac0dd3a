using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archiver.Archive;
using Azure;

namespace Archiver.Evidence;

/// <summary>
/// A tweet's evidence as a WACZ 1.1.1 package, written to any stream as it is built: <c>archive/data.warc.gz</c> (a
/// warcinfo record, then a WARC/1.1 request and response record for every short-link hop that led to the tweet and
/// every upstream exchange of every snapshot, each response carrying the raw body or media bytes kept),
/// <c>indexes/index.cdx</c> (CDXJ), <c>pages/pages.jsonl</c> (the tweet's canonical URL per version), Archiver's own
/// files under <c>archiver/</c> (state, every snapshot, earlier captures included, and each one's timestamp token),
/// <c>datapackage.json</c> with the SHA-256 and size of every file, and <c>datapackage-digest.json</c>.
/// </summary>
public sealed class WaczWriter(ArchiveStore store)
{
    public const string WarcPath = "archive/data.warc.gz";

    private const int CopyBufferBytes = 81920;

    public static string FileName(Bundle bundle) => $"tweet-{bundle.TweetId}.wacz";

    public async Task WriteAsync(Bundle bundle, Stream output, CancellationToken cancellationToken)
    {
        await using var target = new DeferredWriteStream(output);
        await using (var zip = await ZipArchive.CreateAsync(target, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var resources = new List<Resource>();
            var index = await WriteWarcAsync(bundle, zip, resources, cancellationToken);
            await AddAsync(zip, "indexes/index.cdx", Encoding.UTF8.GetBytes(Cdxj.Index(index)), resources, cancellationToken);
            await AddAsync(zip, "pages/pages.jsonl", Encoding.UTF8.GetBytes(Pages(bundle)), resources, cancellationToken);
            await AddAsync(zip, "archiver/state.json", JsonSerializer.SerializeToUtf8Bytes(bundle.State, ArchiveJsonContext.Default.TweetState), resources, cancellationToken);
            foreach (var (version, snapshot) in bundle.AllSnapshots)
            {
                await CopyAsync(zip, $"archiver/snapshots/{snapshot.Version}.json", BlobNames.Snapshot(bundle.TweetId, snapshot.Version), resources, cancellationToken);
                if (version.TimestampOf(snapshot.Version) is { } timestamp)
                {
                    await CopyAsync(zip, $"archiver/snapshots/{snapshot.Version}.tsr", timestamp.Blob, resources, cancellationToken);
                }
            }

            var datapackage = DataPackage(bundle, resources);
            await AddAsync(zip, "datapackage.json", datapackage, null, cancellationToken);
            await AddAsync(zip, "datapackage-digest.json", Digest(datapackage), null, cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
    }

    private sealed record Resource(string Path, string Sha256, long Bytes);

    private async Task<List<Cdxj.Entry>> WriteWarcAsync(Bundle bundle, ZipArchive zip, List<Resource> resources, CancellationToken cancellationToken)
    {
        var index = new List<Cdxj.Entry>();
        await using var entry = await zip.CreateEntry(WarcPath, CompressionLevel.NoCompression).OpenAsync(cancellationToken);
        await using var digest = new DigestStream(entry);
        var warc = new WarcWriter(digest);
        var info = Encoding.UTF8.GetBytes($"software: Archiver {CaptureRecorder.ArchiverVersion}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\nisPartOf: tweet {bundle.TweetId}\r\n");
        await warc.WriteAsync(new WarcRecord
        {
            Type = "warcinfo",
            Date = bundle.Latest.CapturedAt,
            RecordId = RecordId($"{bundle.TweetId}/{bundle.Latest.Version}", "warcinfo"),
            ContentType = "application/warc-fields",
            PayloadLength = info.Length,
            PayloadSha256 = Hex(info),
            BlockSha256 = Hex(info),
        }, info, cancellationToken);

        // The short links that led to the tweet first (the way to it), then each snapshot's exchanges.
        for (var i = 0; i < bundle.State.ShortLinks.Count; i++)
        {
            await WriteSourcesAsync(warc, index, bundle.State.ShortLinks[i].Hops, $"{bundle.TweetId}/short-link/{i}", cancellationToken);
        }

        foreach (var (_, snapshot) in bundle.AllSnapshots)
        {
            var n = await WriteSourcesAsync(warc, index, snapshot.Sources, $"{bundle.TweetId}/{snapshot.Version}", cancellationToken);
            foreach (var file in snapshot.Files)
            {
                var http = file.Http ?? Reconstructed(file.SourceUrl, 200, file.ContentType, null);
                await WriteExchangeAsync(warc, index, http, file.FetchedAt ?? snapshot.CapturedAt, $"{bundle.TweetId}/{snapshot.Version}/{n++}", file.Size, file.Sha256,
                    (stream, token) => CopyBlobAsync(file.Blob, stream, null, token), (hash, token) => CopyBlobAsync(file.Blob, null, hash, token), cancellationToken);
            }
        }

        await digest.FlushAsync(cancellationToken);
        resources.Add(new Resource(WarcPath, digest.Sha256, digest.Written));
        return index;
    }

    /// <summary>A request and a response record for each exchange that got an answer, its raw body the payload; how many were written.</summary>
    private async Task<int> WriteSourcesAsync(WarcWriter warc, List<Cdxj.Entry> index, IEnumerable<SnapshotSource> sources, string name, CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var source in sources.Where(s => s.Status is not null))
        {
            var http = source.Http ?? Reconstructed(source.Url, source.Status!.Value, source.ContentType, source.Location);
            var body = await ReadAsync(source.Blob, cancellationToken);
            await WriteExchangeAsync(warc, index, http, source.At, $"{name}/{n++}", body.LongLength, Hex(body),
                (stream, token) => stream.WriteAsync(body, token).AsTask(), (hash, _) => { hash.AppendData(body); return Task.CompletedTask; }, cancellationToken);
        }

        return n;
    }

    /// <summary>A request record and its response record; the response's block digest takes a first pass over the payload.</summary>
    private static async Task WriteExchangeAsync(
        WarcWriter warc, List<Cdxj.Entry> index, HttpRecord http, DateTimeOffset at, string name, long payloadLength, string payloadSha256,
        Func<Stream, CancellationToken, Task> writePayload, Func<IncrementalHash, CancellationToken, Task> hashPayload, CancellationToken cancellationToken)
    {
        var requestId = RecordId(name, "request");
        var responseId = RecordId(name, "response");
        var requestHead = http.RequestHead();
        var empty = Hex([]);
        await warc.WriteAsync(new WarcRecord
        {
            Type = "request",
            TargetUri = http.Url,
            Date = at,
            RecordId = requestId,
            ConcurrentTo = responseId,
            ContentType = "application/http; msgtype=request",
            HttpHead = requestHead,
            PayloadLength = 0,
            PayloadSha256 = empty,
            BlockSha256 = Hex(requestHead),
        }, ReadOnlyMemory<byte>.Empty, cancellationToken);

        var responseHead = http.ResponseHead();
        using var block = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        block.AppendData(responseHead);
        await hashPayload(block, cancellationToken);
        var (offset, length) = await warc.WriteAsync(new WarcRecord
        {
            Type = "response",
            TargetUri = http.Url,
            Date = at,
            RecordId = responseId,
            ContentType = "application/http; msgtype=response",
            HttpHead = responseHead,
            PayloadLength = payloadLength,
            PayloadSha256 = payloadSha256,
            BlockSha256 = Convert.ToHexStringLower(block.GetHashAndReset()),
        }, writePayload, cancellationToken);
        var mime = http.ResponseHeaders.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value.Split(';')[0].Trim();
        index.Add(new Cdxj.Entry(http.Url, at, mime, http.Status, payloadSha256, offset, length, "data.warc.gz"));
    }

    /// <summary>What is known of an exchange captured before Archiver kept headers: its status, type and redirect target.</summary>
    private static HttpRecord Reconstructed(string url, int status, string? contentType, string? location) => new()
    {
        Method = "GET",
        Url = url,
        HttpVersion = "HTTP/1.1",
        RequestHeaders = [new HeaderField("Host", new Uri(url).Authority)],
        Status = status,
        ResponseHeaders = [.. new[] { contentType is null ? null : new HeaderField("Content-Type", contentType), location is null ? null : new HeaderField("Location", location) }.OfType<HeaderField>()],
    };

    private static string Pages(Bundle bundle)
    {
        var lines = new StringBuilder("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n");
        foreach (var (version, snapshot) in bundle.Snapshots)
        {
            lines.Append(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = version.Version,
                ["url"] = CanonicalUrl(snapshot),
                ["ts"] = version.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["title"] = $"Tweet {snapshot.TweetId}" + (snapshot.Tweet.Author?.ScreenName is { } name ? $" by @{name}" : ""),
            })).Append('\n');
        }

        return lines.ToString();
    }

    /// <summary>The tweet's canonical address: <c>https://x.com/{screen name}/status/{id}</c>.</summary>
    public static string CanonicalUrl(Snapshot snapshot) =>
        $"https://x.com/{snapshot.Tweet.Author?.ScreenName ?? "i"}/status/{snapshot.TweetId}";

    private static byte[] DataPackage(Bundle bundle, IReadOnlyList<Resource> resources)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var latest = bundle.Snapshots[^1];
            json.WriteStartObject();
            json.WriteString("profile", "data-package");
            json.WriteString("wacz_version", "1.1.1");
            json.WriteString("title", $"Tweet {bundle.TweetId}");
            json.WriteString("description", $"Every capture of tweet {bundle.TweetId} made by Archiver: the upstream exchanges as WARC records, the snapshots and their RFC 3161 timestamp tokens under archiver/.");
            json.WriteString("created", latest.Version.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("software", $"Archiver {CaptureRecorder.ArchiverVersion}");
            json.WriteString("mainPageUrl", CanonicalUrl(latest.Snapshot));
            json.WriteString("mainPageDate", latest.Version.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("resources");
            foreach (var resource in resources)
            {
                json.WriteStartObject();
                json.WriteString("name", Path.GetFileName(resource.Path));
                json.WriteString("path", resource.Path);
                json.WriteString("hash", "sha256:" + resource.Sha256);
                json.WriteNumber("bytes", resource.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Digest(byte[] datapackage) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["path"] = "datapackage.json", ["hash"] = "sha256:" + Hex(datapackage) }, new JsonSerializerOptions { WriteIndented = true });

    private static async Task AddAsync(ZipArchive zip, string path, byte[] bytes, List<Resource>? resources, CancellationToken cancellationToken)
    {
        await using (var target = await zip.CreateEntry(path, CompressionLevel.Optimal).OpenAsync(cancellationToken))
        {
            await target.WriteAsync(bytes, cancellationToken);
        }

        resources?.Add(new Resource(path, Hex(bytes), bytes.Length));
    }

    private async Task CopyAsync(ZipArchive zip, string path, string blob, List<Resource> resources, CancellationToken cancellationToken)
    {
        await using var target = await zip.CreateEntry(path, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await using var digest = new DigestStream(target);
        await CopyBlobAsync(blob, digest, null, cancellationToken);
        resources.Add(new Resource(path, digest.Sha256, digest.Written));
    }

    private async Task<byte[]> ReadAsync(string blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.Blob(blob).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidDataException($"{blob} is missing from the archive; the WACZ would not hold what its snapshot lists.", e);
        }
    }

    /// <summary>Streams a blob in small pieces to a stream, a hash, or both.</summary>
    private async Task CopyBlobAsync(string blob, Stream? target, IncrementalHash? hash, CancellationToken cancellationToken)
    {
        await using var source = (await store.Blob(blob).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        var buffer = new byte[CopyBufferBytes];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash?.AppendData(buffer, 0, read);
            if (target is not null)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
    }

    /// <summary>A record id that is the same each time the same package is built: a name-based UUID.</summary>
    private static Guid RecordId(string name, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

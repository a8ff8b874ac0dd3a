using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Archiver.Archive;

/// <summary>
/// Builds a tweet's bundle once into <c>exports/{id}/{version}.zip</c>: every snapshot, every media file, every raw
/// upstream body, a manifest with the SHA-256 of each file, and an offline HTML view. Files are streamed from their
/// blobs into the ZIP, never loaded whole. The ZIP becomes visible only when complete (block list committed on close).
/// </summary>
public sealed class BundleExporter(ArchiveStore store)
{
    public async Task<BlobClient?> ExportAsync(string tweetId, CancellationToken cancellationToken)
    {
        var state = (await store.ReadStateAsync(tweetId, cancellationToken))?.Value;
        if (state?.Latest is not { } latest)
        {
            return null;
        }

        var export = store.Blob(BlobNames.Export(tweetId, latest.Version));
        if (await export.ExistsAsync(cancellationToken))
        {
            return export;
        }

        var snapshots = new List<(TweetVersion Version, Snapshot Snapshot)>();
        foreach (var version in state.Versions)
        {
            if (await store.ReadSnapshotAsync(tweetId, version.Version, cancellationToken) is { } snapshot)
            {
                snapshots.Add((version, snapshot));
            }
        }

        var manifest = new List<BundleEntry>();
        await using (var output = await store.BlockBlob(export.Name).OpenWriteAsync(true, new BlockBlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
        }, cancellationToken))
        {
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (version, _) in snapshots)
            {
                await CopyAsync(zip, $"snapshots/{version.Version}.json", version.Blob, manifest, cancellationToken);
            }

            foreach (var file in snapshots.SelectMany(s => s.Snapshot.Files).DistinctBy(f => f.Sha256))
            {
                await CopyAsync(zip, $"media/{file.File}", file.Blob, manifest, cancellationToken);
            }

            foreach (var source in snapshots.SelectMany(s => s.Snapshot.Sources).DistinctBy(s => s.Sha256))
            {
                await CopyAsync(zip, $"raw/{source.Sha256}", source.Blob, manifest, cancellationToken);
            }

            await AddTextAsync(zip, "state.json", JsonSerializer.Serialize(state, ArchiveJsonContext.Default.TweetState), manifest, cancellationToken);
            await AddTextAsync(zip, "index.html", OfflineView.Render(state, snapshots[^1].Snapshot), manifest, cancellationToken);
            var lines = manifest.Select(e => $"{e.Sha256}  {e.Path}");
            await AddTextAsync(zip, "manifest.json", ManifestJson(tweetId, latest.Version, manifest), null, cancellationToken);
            await AddTextAsync(zip, "SHA256SUMS", string.Join('\n', lines) + "\n", null, cancellationToken);
        }

        return export;
    }

    private sealed record BundleEntry(string Path, string Sha256, long Size);

    /// <summary>Every other file of the bundle with its SHA-256 and size, as JSON (SHA256SUMS says the same for sha256sum).</summary>
    private static string ManifestJson(string tweetId, string version, IReadOnlyList<BundleEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "archiver.bundle/1");
            json.WriteString("tweetId", tweetId);
            json.WriteString("version", version);
            json.WriteString("archiverVersion", TweetArchiver.ArchiverVersion);
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
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private async Task CopyAsync(ZipArchive zip, string path, string blobName, List<BundleEntry> manifest, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = await store.Blob(blobName).OpenReadAsync(cancellationToken: cancellationToken);
            var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
            await using var target = entry.Open();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
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
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A referenced blob that is missing would break the bundle's promise; say so in the bundle itself.
            manifest.Add(new BundleEntry(path + " (missing from the archive)", new string('0', 64), 0));
        }
    }

    private static async Task AddTextAsync(ZipArchive zip, string path, string text, List<BundleEntry>? manifest, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using (var target = entry.Open())
        {
            await target.WriteAsync(bytes, cancellationToken);
        }

        manifest?.Add(new BundleEntry(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
    }

    /// <summary>A self-contained page showing the latest capture, readable without the app or the network.</summary>
    private static class OfflineView
    {
        public static string Render(TweetState state, Snapshot snapshot)
        {
            static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
            var tweet = snapshot.Tweet;
            var html = new StringBuilder();
            html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Tweet ").Append(E(tweet.Id)).Append("</title>")
                .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}img,video{max-width:100%}.meta{color:#555}</style></head><body>");
            html.Append("<h1>").Append(E(tweet.Author?.Name)).Append(" <span class=\"meta\">@").Append(E(tweet.Author?.ScreenName)).Append("</span></h1>");
            html.Append("<p style=\"white-space:pre-wrap\">").Append(E(tweet.Text)).Append("</p>");
            foreach (var file in snapshot.Files.Where(f => f.Role == "media"))
            {
                html.Append(file.ContentType.StartsWith("video/", StringComparison.Ordinal)
                    ? $"<p><video controls src=\"media/{E(file.File)}\"></video></p>"
                    : $"<p><img src=\"media/{E(file.File)}\" alt=\"{E(file.AltText)}\"></p>");
            }

            html.Append("<p class=\"meta\">Tweet ").Append(E(tweet.Id)).Append(", created ").Append(E(tweet.CreatedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
                .Append(". Captured ").Append(E(snapshot.CapturedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
                .Append(" by Archiver ").Append(E(snapshot.ArchiverVersion)).Append(" from ").Append(E(snapshot.TweetSource))
                .Append(". Status when bundled: ").Append(E(EnumNames.Of(state.Status))).Append(".</p>");
            html.Append("<p class=\"meta\">Every file in this bundle is listed with its SHA-256 in SHA256SUMS; check with <code>sha256sum -c SHA256SUMS</code>.</p>");
            html.Append("</body></html>");
            return html.ToString();
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Archiver.Archive;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Archiver.Recheck;

/// <summary>Each tweet's append-only log of checks, one JSON line per check.</summary>
public sealed class CheckLog(ArchiveContainer archive)
{
    public static string BlobName(string tweetId) => $"tweets/{tweetId}/checks.jsonl";

    public async Task AppendAsync(string tweetId, CheckEntry entry, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var blob = archive.Client.GetAppendBlobClient(BlobName(tweetId));
        await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } }, cancellationToken);
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, CheckLogJsonContext.Default.CheckEntry);
        using var content = new MemoryStream([.. line, (byte)'\n']);
        await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<CheckEntry>> ReadAsync(string tweetId, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        try
        {
            var content = await archive.Client.GetBlobClient(BlobName(tweetId)).DownloadContentAsync(cancellationToken);
            return [.. content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize(line, CheckLogJsonContext.Default.CheckEntry)!)];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckEntry))]
internal sealed partial class CheckLogJsonContext : JsonSerializerContext;

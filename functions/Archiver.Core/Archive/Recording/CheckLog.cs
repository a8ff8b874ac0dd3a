using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Archiver.Archive;

/// <summary>Each tweet's append-only log of checks, one JSON line per check.</summary>
public sealed class CheckLog(ArchiveContainer archive)
{
    public static string BlobName(string tweetId) => BlobNames.Checks(tweetId);

    /// <summary>
    /// Appends one line. A log is created on a tweet's first check (<paramref name="first"/>); later checks append at
    /// once and create the log only if it turns out to be missing, so a re-check costs one storage request here.
    /// </summary>
    public async Task AppendAsync(string tweetId, CheckEntry entry, bool first, CancellationToken cancellationToken)
    {
        await archive.Created.WaitAsync(cancellationToken);
        var blob = archive.Client.GetAppendBlobClient(BlobName(tweetId));
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, CheckLogJsonContext.Default.CheckEntry);
        if (first)
        {
            await CreateAsync(blob, cancellationToken);
        }

        try
        {
            await AppendLineAsync(blob, line, cancellationToken);
        }
        catch (RequestFailedException e) when (!first && e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            await CreateAsync(blob, cancellationToken);
            await AppendLineAsync(blob, line, cancellationToken);
        }
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

    private static async Task CreateAsync(AppendBlobClient blob, CancellationToken cancellationToken) =>
        await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } }, cancellationToken);

    private static async Task AppendLineAsync(AppendBlobClient blob, byte[] line, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream([.. line, (byte)'\n']);
        await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckEntry))]
internal sealed partial class CheckLogJsonContext : JsonSerializerContext;

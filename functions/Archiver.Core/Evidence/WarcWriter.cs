using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Archiver.Evidence;

/// <summary>
/// Writes WARC/1.1 records to a stream that need not seek, each record its own gzip member (so a CDXJ line can point
/// at it by offset and length, as replay tools expect), and says where each one landed.
/// </summary>
public sealed class WarcWriter(Stream output)
{
    private static readonly byte[] RecordEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>Compressed bytes written so far: the offset of the next record.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Writes <paramref name="record"/>; <paramref name="writePayload"/> must write exactly
    /// <see cref="WarcRecord.PayloadLength"/> bytes. Returns the record's offset and compressed length.
    /// </summary>
    public async Task<(long Offset, long Length)> WriteAsync(WarcRecord record, Func<Stream, CancellationToken, Task> writePayload, CancellationToken cancellationToken)
    {
        var offset = Position;
        await using var counting = new DigestStream(output);
        await using (var gzip = new GZipStream(counting, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(Head(record), cancellationToken);
            await gzip.WriteAsync(record.HttpHead, cancellationToken);
            await using var payload = new DigestStream(gzip);
            await writePayload(payload, cancellationToken);
            if (payload.Written != record.PayloadLength)
            {
                throw new InvalidDataException($"WARC record {record.RecordId}: {payload.Written} payload bytes written where {record.PayloadLength} were announced.");
            }

            await gzip.WriteAsync(RecordEnd, cancellationToken);
        }

        Position += counting.Written;
        return (offset, counting.Written);
    }

    /// <summary>A record whose whole payload is in memory.</summary>
    public Task<(long Offset, long Length)> WriteAsync(WarcRecord record, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        WriteAsync(record, async (stream, token) => await stream.WriteAsync(payload, token), cancellationToken);

    public static string RecordUrn(Guid id) => $"<urn:uuid:{id:D}>";

    private static byte[] Head(WarcRecord record)
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        head.Append("WARC-Type: ").Append(record.Type).Append("\r\n");
        head.Append("WARC-Record-ID: ").Append(RecordUrn(record.RecordId)).Append("\r\n");
        head.Append("WARC-Date: ").Append(record.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append("\r\n");
        if (record.TargetUri is { } target)
        {
            head.Append("WARC-Target-URI: ").Append(target).Append("\r\n");
        }

        if (record.ConcurrentTo is { } concurrent)
        {
            head.Append("WARC-Concurrent-To: ").Append(RecordUrn(concurrent)).Append("\r\n");
        }

        if (record.Type is "request" or "response" or "resource")
        {
            head.Append("WARC-Payload-Digest: sha256:").Append(record.PayloadSha256).Append("\r\n");
        }

        head.Append("WARC-Block-Digest: sha256:").Append(record.BlockSha256).Append("\r\n");
        head.Append("Content-Type: ").Append(record.ContentType).Append("\r\n");
        head.Append("Content-Length: ").Append((record.HttpHead.Length + record.PayloadLength).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }
}

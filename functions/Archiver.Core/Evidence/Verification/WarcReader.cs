using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Archiver.Evidence.Verification;

/// <summary>One WARC record as read back: its headers, and its block split into HTTP head and payload where it is an HTTP message.</summary>
public sealed record WarcRecordRead(IReadOnlyDictionary<string, string> Headers, byte[] Block, int HeadLength)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Type => Header("WARC-Type");

    public string? TargetUri => Header("WARC-Target-URI");

    public ReadOnlySpan<byte> Payload => Block.AsSpan(HeadLength);

    /// <summary>The HTTP status of a response record; null for others.</summary>
    public int? Status =>
        Type == "response" && HeadLength > 0 && Encoding.ASCII.GetString(Block, 0, Math.Min(HeadLength, 64)).Split(' ') is [_, var code, ..]
        && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null;

    public static string Sha256(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>
/// Reads WARC/1.1 records from a WARC file, plain or gzip (one member per record or one for all): enough to check
/// digests and find payloads offline. Throws <see cref="InvalidDataException"/> on a file that is not a WARC.
/// </summary>
public static class WarcReader
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static IEnumerable<WarcRecordRead> Read(Stream warc, bool gzip)
    {
        using var source = gzip ? new GZipStream(warc, CompressionMode.Decompress, leaveOpen: true) : warc;
        using var buffered = new BufferedStream(source);
        while (ReadHeaders(buffered) is { } headers)
        {
            if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > int.MaxValue)
            {
                throw new InvalidDataException("A WARC record has no usable Content-Length.");
            }

            var block = new byte[length];
            buffered.ReadExactly(block);
            var end = new byte[4];
            buffered.ReadExactly(end);
            if (!end.AsSpan().SequenceEqual("\r\n\r\n"u8))
            {
                throw new InvalidDataException($"The WARC record {headers.GetValueOrDefault("WARC-Record-ID")} is not followed by CRLF CRLF: its Content-Length is wrong.");
            }

            var type = headers.GetValueOrDefault("WARC-Type");
            var head = type is "request" or "response" ? HeadLength(block) : 0;
            yield return new WarcRecordRead(headers, block, head);
        }
    }

    /// <summary>The length of an HTTP message's head, through its blank line; the whole block when it has none.</summary>
    private static int HeadLength(byte[] block)
    {
        var at = block.AsSpan().IndexOf("\r\n\r\n"u8);
        return at < 0 ? block.Length : at + 4;
    }

    private static Dictionary<string, string>? ReadHeaders(Stream stream)
    {
        var first = ReadLine(stream);
        while (first is "")
        {
            first = ReadLine(stream);
        }

        if (first is null)
        {
            return null;
        }

        if (!first.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Expected a WARC record, found '{first[..Math.Min(first.Length, 40)]}'.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["WARC-Version"] = first };
        var total = first.Length;
        while (ReadLine(stream) is { Length: > 0 } line)
        {
            total += line.Length;
            if (total > MaxHeaderBytes)
            {
                throw new InvalidDataException("A WARC record's headers are larger than 64 KiB.");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return headers;
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
            }

            bytes.Add((byte)b);
            if (bytes.Count > MaxHeaderBytes)
            {
                throw new InvalidDataException("A WARC header line is longer than 64 KiB.");
            }
        }

        return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
    }
}

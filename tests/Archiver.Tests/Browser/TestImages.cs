using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Archiver.Tests.Browser;

/// <summary>Small real PNG images for the fake upstream to serve, so that a browser can decode what the archive saved.</summary>
internal static class TestImages
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> RGB PNG: a diagonal gradient between two colours with a few bands.</summary>
    public static byte[] Png(int width, int height, (byte R, byte G, byte B) from, (byte R, byte G, byte B) to)
    {
        var raw = new byte[height * (1 + width * 3)];
        var at = 0;
        for (var y = 0; y < height; y++)
        {
            raw[at++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var t = Math.Floor((x + y) * 6.0 / (width + height)) / 6; // flat steps: small PNGs, small screenshots
                var band = (x / 24 + y / 24) % 5 == 0 ? 0.85 : 1.0;
                raw[at++] = (byte)((from.R + (to.R - from.R) * t) * band);
                raw[at++] = (byte)((from.G + (to.G - from.G) * t) * band);
                raw[at++] = (byte)((from.B + (to.B - from.B) * t) * band);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

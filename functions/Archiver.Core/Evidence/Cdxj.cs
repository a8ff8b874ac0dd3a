using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Archiver.Evidence;

/// <summary>CDXJ index lines (pywb's format, as WACZ wants it): SURT key, 14-digit timestamp, JSON block; sorted.</summary>
public static class Cdxj
{
    public sealed record Entry(string Url, DateTimeOffset Date, string? Mime, int Status, string PayloadSha256, long Offset, long Length, string FileName);

    /// <summary>
    /// The SURT form of a URL the way Webrecorder's tools compute it (warcio.js <c>getSurt</c>): without a leading
    /// <c>www.</c>, lower-cased, host labels reversed and comma-joined, the port, <c>)</c>, the path, sorted query arguments.
    /// </summary>
    public static string Surt(string url)
    {
        if (!url.StartsWith("http:", StringComparison.Ordinal) && !url.StartsWith("https:", StringComparison.Ordinal))
        {
            return url;
        }

        var lowered = System.Text.RegularExpressions.Regex.Replace(url, @"^(https?://)www\d*\.", "$1").ToLowerInvariant();
        if (!Uri.TryCreate(lowered, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var key = new StringBuilder(string.Join(',', uri.Host.Split('.').Reverse()));
        if (!uri.IsDefaultPort)
        {
            key.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));
        }

        key.Append(')').Append(uri.AbsolutePath);
        if (uri.Query.Length > 1)
        {
            var arguments = uri.Query[1..].Split('&');
            Array.Sort(arguments, StringComparer.Ordinal);
            key.Append('?').Append(string.Join('&', arguments));
        }

        return key.ToString();
    }

    /// <summary>One line; the JSON escapes only what JSON needs (the index is read by replay tools, never put in a page).</summary>
    public static string Line(Entry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("url", entry.Url);
            if (entry.Mime is not null)
            {
                json.WriteString("mime", entry.Mime);
            }

            json.WriteString("status", entry.Status.ToString(CultureInfo.InvariantCulture));
            json.WriteString("digest", entry.PayloadSha256);
            json.WriteString("length", entry.Length.ToString(CultureInfo.InvariantCulture));
            json.WriteString("offset", entry.Offset.ToString(CultureInfo.InvariantCulture));
            json.WriteString("filename", entry.FileName);
            json.WriteEndObject();
        }

        return $"{Surt(entry.Url)} {entry.Date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)} {Encoding.UTF8.GetString(buffer.ToArray())}";
    }

    /// <summary>The index file's text: one line per entry, sorted by key and time (ordinal), each ending in a newline.</summary>
    public static string Index(IEnumerable<Entry> entries) =>
        string.Concat(entries.Select(Line).Order(StringComparer.Ordinal).Select(line => line + "\n"));
}

using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Archiver.Archive;

namespace Archiver.Evidence.Verification;

/// <summary>
/// A WACZ: the WACZ 1.1.1 rules (required files, <c>datapackage.json</c> and its hashes, the digest file, pages, the
/// CDXJ index pointing at real records), every WARC record's block and payload digests, then the short-link hops and
/// each snapshot under <c>archiver/</c> against the WARC's response payloads.
/// </summary>
internal static class WaczChecks
{
    private const int KeptPayloadBytes = 8 * 1024 * 1024;

    public static IReadOnlyList<VerificationRow> Verify(ZipArchive zip, IReadOnlyCollection<X509Certificate2> trusted)
    {
        var rows = new List<VerificationRow>();
        var datapackageBytes = BundleVerifier.ReadAll(zip.GetEntry("datapackage.json")!);
        rows.AddRange(DataPackage(zip, datapackageBytes));
        rows.Add(Digest(zip, datapackageBytes));
        rows.Add(Pages(zip));

        var warcs = zip.Entries.Where(e => e.FullName.StartsWith("archive/", StringComparison.Ordinal) && (e.FullName.EndsWith(".warc", StringComparison.Ordinal) || e.FullName.EndsWith(".warc.gz", StringComparison.Ordinal))).ToList();
        if (warcs.Count == 0)
        {
            rows.Add(new VerificationRow("archive/", "WACZ: WARC files", false, "no .warc or .warc.gz file under archive/"));
        }

        // Response payloads by SHA-256 (kept when small: upstream bodies), and the hashes seen per URL (media).
        var payloads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var seen = new HashSet<(string Url, string Sha256)>();
        foreach (var warc in warcs)
        {
            rows.Add(warc.CompressedLength == warc.Length
                ? new VerificationRow(warc.FullName, "WACZ: stored, not compressed again", true, $"{warc.Length} bytes")
                : new VerificationRow(warc.FullName, "WACZ: stored, not compressed again", false, "the ZIP deflates it; WACZ wants archive/ files stored"));
            rows.AddRange(Records(warc, payloads, seen));
        }

        var indexes = zip.Entries.Where(e => e.FullName.StartsWith("indexes/", StringComparison.Ordinal) && !e.FullName.EndsWith('/')).ToList();
        rows.Add(indexes.Count > 0
            ? new VerificationRow("indexes/", "WACZ: CDXJ index", true, string.Join(", ", indexes.Select(i => i.FullName)))
            : new VerificationRow("indexes/", "WACZ: CDXJ index", false, "no index under indexes/"));
        foreach (var index in indexes.Where(i => i.FullName.EndsWith(".cdx", StringComparison.Ordinal) || i.FullName.EndsWith(".cdxj", StringComparison.Ordinal)))
        {
            rows.AddRange(IndexPointsAtRecords(zip, index));
        }

        TweetState? state = null;
        if (zip.GetEntry("archiver/state.json") is { } stateEntry)
        {
            state = JsonSerializer.Deserialize(BundleVerifier.ReadAll(stateEntry), ArchiveJsonContext.Default.TweetState);
        }

        rows.AddRange(BundleVerifier.ShortLinkChecks("archiver/state.json", state, sha256 => payloads.GetValueOrDefault(sha256)));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("archiver/snapshots/", StringComparison.Ordinal) && e.FullName.EndsWith(".json", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var version = entry.FullName["archiver/snapshots/".Length..^".json".Length];
            var token = zip.GetEntry($"archiver/snapshots/{version}.tsr") is { } tsr ? BundleVerifier.ReadAll(tsr) : null;
            rows.AddRange(BundleVerifier.SnapshotChecks(entry.FullName, BundleVerifier.ReadAll(entry),
                sha256 => payloads.GetValueOrDefault(sha256),
                file => seen.Contains((file.Http?.Url ?? file.SourceUrl, file.Sha256)) ? file.Sha256 : seen.FirstOrDefault(s => s.Url == (file.Http?.Url ?? file.SourceUrl)).Sha256,
                token, state?.TimestampOf(version), trusted));
        }

        return rows;
    }

    private static IEnumerable<VerificationRow> DataPackage(ZipArchive zip, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return [new VerificationRow("datapackage.json", "WACZ: datapackage.json", false, $"not JSON ({e.Message})")];
        }

        using (document)
        {
            var rows = new List<VerificationRow>();
            var root = document.RootElement;
            var profile = root.TryGetProperty("profile", out var p) ? p.GetString() : null;
            var version = root.TryGetProperty("wacz_version", out var v) ? v.GetString() : null;
            rows.Add(new VerificationRow("datapackage.json", "WACZ: profile and version", profile == "data-package" && version == "1.1.1", $"profile {profile ?? "missing"}, wacz_version {version ?? "missing"}"));
            if (!root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
            {
                rows.Add(new VerificationRow("datapackage.json", "WACZ: resources", false, "no resources list"));
                return rows;
            }

            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var resource in resources.EnumerateArray())
            {
                var path = resource.TryGetProperty("path", out var pathElement) ? pathElement.GetString() ?? "" : "";
                var hash = resource.TryGetProperty("hash", out var hashElement) ? hashElement.GetString() ?? "" : "";
                var size = resource.TryGetProperty("bytes", out var bytesElement) && bytesElement.TryGetInt64(out var n) ? n : -1;
                listed.Add(path);
                if (zip.GetEntry(path) is not { } entry)
                {
                    rows.Add(new VerificationRow(path, "datapackage.json", false, "listed in datapackage.json but missing from the package"));
                    continue;
                }

                var actual = "sha256:" + BundleVerifier.Sha256(entry);
                rows.Add(actual == hash && size == entry.Length
                    ? new VerificationRow(path, "datapackage.json", true, $"{entry.Length} bytes, {actual[..19]}…")
                    : new VerificationRow(path, "datapackage.json", false, actual != hash ? $"hash is {actual}, datapackage.json says {hash}" : $"{entry.Length} bytes, datapackage.json says {size}"));
            }

            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/') && e.FullName is not ("datapackage.json" or "datapackage-digest.json") && !listed.Contains(e.FullName)))
            {
                rows.Add(new VerificationRow(entry.FullName, "datapackage.json", false, "in the package but not listed in datapackage.json (added)"));
            }

            return rows;
        }
    }

    private static VerificationRow Digest(ZipArchive zip, byte[] datapackage)
    {
        if (zip.GetEntry("datapackage-digest.json") is not { } entry)
        {
            return new VerificationRow("datapackage-digest.json", "WACZ: digest of datapackage.json", false, "missing");
        }

        try
        {
            using var digest = JsonDocument.Parse(BundleVerifier.ReadAll(entry));
            var path = digest.RootElement.GetProperty("path").GetString();
            var hash = digest.RootElement.GetProperty("hash").GetString();
            var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(datapackage));
            return path == "datapackage.json" && hash == actual
                ? new VerificationRow("datapackage-digest.json", "WACZ: digest of datapackage.json", true, actual[..19] + "…")
                : new VerificationRow("datapackage-digest.json", "WACZ: digest of datapackage.json", false, $"says {path}: {hash}; datapackage.json has {actual}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new VerificationRow("datapackage-digest.json", "WACZ: digest of datapackage.json", false, $"not readable ({e.Message})");
        }
    }

    private static VerificationRow Pages(ZipArchive zip)
    {
        if (zip.GetEntry("pages/pages.jsonl") is not { } entry)
        {
            return new VerificationRow("pages/pages.jsonl", "WACZ: pages", false, "missing");
        }

        var pages = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(BundleVerifier.ReadAll(entry)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var page = JsonDocument.Parse(line);
            if (page.RootElement.TryGetProperty("format", out _))
            {
                continue;
            }

            if (!page.RootElement.TryGetProperty("url", out var url) || !page.RootElement.TryGetProperty("ts", out var ts)
                || !DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return new VerificationRow("pages/pages.jsonl", "WACZ: pages", false, $"a page without url or RFC 3339 ts: {line}");
            }

            pages.Add(url.GetString()!);
        }

        return pages.Count > 0
            ? new VerificationRow("pages/pages.jsonl", "WACZ: pages", true, string.Join(", ", pages.Distinct()))
            : new VerificationRow("pages/pages.jsonl", "WACZ: pages", false, "no page");
    }

    private static IEnumerable<VerificationRow> Records(ZipArchiveEntry warc, Dictionary<string, byte[]> payloads, HashSet<(string, string)> seen)
    {
        var rows = new List<VerificationRow>();
        var count = 0;
        try
        {
            using var stream = warc.Open();
            foreach (var record in WarcReader.Read(stream, warc.FullName.EndsWith(".gz", StringComparison.Ordinal)))
            {
                count++;
                var name = $"{warc.FullName} #{count} {record.Type} {record.TargetUri}".TrimEnd();
                var block = WarcRecordRead.Sha256(record.Block);
                if (record.Header("WARC-Block-Digest") != block)
                {
                    rows.Add(new VerificationRow(name, "WARC-Block-Digest", false, $"the block hashes to {block}, the record says {record.Header("WARC-Block-Digest") ?? "nothing"}"));
                }

                if (record.Type is "request" or "response")
                {
                    var payload = WarcRecordRead.Sha256(record.Payload);
                    if (record.Header("WARC-Payload-Digest") != payload)
                    {
                        rows.Add(new VerificationRow(name, "WARC-Payload-Digest", false, $"the payload hashes to {payload}, the record says {record.Header("WARC-Payload-Digest") ?? "nothing"}"));
                    }

                    if (record.Type == "response" && record.TargetUri is { } url)
                    {
                        var hex = payload["sha256:".Length..];
                        seen.Add((url, hex));
                        if (record.Payload.Length <= KeptPayloadBytes)
                        {
                            payloads.TryAdd(hex, record.Payload.ToArray());
                        }
                    }
                }
            }
        }
        catch (InvalidDataException e)
        {
            rows.Add(new VerificationRow(warc.FullName, "WARC records readable", false, $"after {count} record(s): {e.Message}"));
            return rows;
        }

        if (rows.Count == 0)
        {
            rows.Add(new VerificationRow(warc.FullName, "WARC digests", true, $"{count} records, every block and payload digest holds"));
        }

        return rows;
    }

    /// <summary>Each CDXJ line's offset and length land on a whole gzip member holding a response for its URL with its digest.</summary>
    private static IEnumerable<VerificationRow> IndexPointsAtRecords(ZipArchive zip, ZipArchiveEntry index)
    {
        var lines = Encoding.UTF8.GetString(BundleVerifier.ReadAll(index)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var warcBytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var bad = new List<string>();
        foreach (var line in lines)
        {
            var json = line[(line.IndexOf('{', StringComparison.Ordinal))..];
            using var entry = JsonDocument.Parse(json);
            var root = entry.RootElement;
            var file = root.GetProperty("filename").GetString()!;
            var offset = long.Parse(root.GetProperty("offset").GetString()!, CultureInfo.InvariantCulture);
            var length = long.Parse(root.GetProperty("length").GetString()!, CultureInfo.InvariantCulture);
            if (!warcBytes.TryGetValue(file, out var bytes))
            {
                bytes = zip.GetEntry($"archive/{file}") is { } warc ? BundleVerifier.ReadAll(warc) : [];
                warcBytes[file] = bytes;
            }

            if (offset < 0 || length <= 0 || offset + length > bytes.Length)
            {
                bad.Add($"{root.GetProperty("url").GetString()}: offset {offset}+{length} is outside {file}");
                continue;
            }

            try
            {
                using var member = new MemoryStream(bytes, (int)offset, (int)length);
                var record = WarcReader.Read(member, gzip: file.EndsWith(".gz", StringComparison.Ordinal)).Single();
                var url = root.GetProperty("url").GetString();
                var digest = root.GetProperty("digest").GetString();
                if (record.TargetUri != url || WarcRecordRead.Sha256(record.Payload) != "sha256:" + digest?.Replace("sha256:", "", StringComparison.Ordinal))
                {
                    bad.Add($"{url}: the record at offset {offset} is {record.Type} {record.TargetUri}");
                }
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or EndOfStreamException)
            {
                bad.Add($"{root.GetProperty("url").GetString()}: no whole record at offset {offset} ({e.Message})");
            }
        }

        return bad.Count == 0
            ? [new VerificationRow(index.FullName, "CDXJ lines point at their records", true, $"{lines.Length} lines")]
            : bad.Select(b => new VerificationRow(index.FullName, "CDXJ lines point at their records", false, b));
    }
}

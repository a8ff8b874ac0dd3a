using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Archiver.Archive;

namespace Archiver.Evidence.Verification;

/// <summary>An Archiver ZIP bundle: <c>SHA256SUMS</c> and <c>manifest.json</c>, then each snapshot.</summary>
internal static class ZipChecks
{
    private static readonly HashSet<string> Unlisted = new(StringComparer.Ordinal) { "SHA256SUMS", "manifest.json" };

    public static IReadOnlyList<VerificationRow> Verify(ZipArchive zip, IReadOnlyCollection<X509Certificate2> trusted)
    {
        var rows = new List<VerificationRow>();
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in System.Text.Encoding.UTF8.GetString(BundleVerifier.ReadAll(zip.GetEntry("SHA256SUMS")!)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length == 2)
            {
                sums[parts[1]] = parts[0];
            }
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, expected) in sums)
        {
            if (zip.GetEntry(path) is not { } entry)
            {
                rows.Add(new VerificationRow(path, "SHA256SUMS", false, "listed in SHA256SUMS but missing from the bundle"));
                continue;
            }

            var actual = BundleVerifier.Sha256(entry);
            hashes[path] = actual;
            rows.Add(actual == expected
                ? new VerificationRow(path, "SHA256SUMS", true, $"{entry.Length} bytes, SHA-256 {actual[..12]}…")
                : new VerificationRow(path, "SHA256SUMS", false, $"SHA-256 is {actual}, SHA256SUMS says {expected}"));
        }

        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/') && !sums.ContainsKey(e.FullName) && !Unlisted.Contains(e.FullName)))
        {
            rows.Add(new VerificationRow(entry.FullName, "SHA256SUMS", false, "in the bundle but not listed in SHA256SUMS (added)"));
        }

        rows.Add(ManifestAgrees(zip, sums));

        TweetState? state = null;
        if (zip.GetEntry("state.json") is { } stateEntry)
        {
            try
            {
                state = JsonSerializer.Deserialize(BundleVerifier.ReadAll(stateEntry), ArchiveJsonContext.Default.TweetState);
            }
            catch (JsonException e)
            {
                rows.Add(new VerificationRow("state.json", "readable", false, e.Message));
            }
        }

        byte[]? Raw(string sha256) =>
            zip.GetEntry($"raw/{sha256}") is { } raw ? BundleVerifier.ReadAll(raw) : null;

        rows.AddRange(BundleVerifier.ShortLinkChecks("state.json", state, Raw));

        string? Media(SnapshotFile file) =>
            zip.GetEntry($"media/{file.File}") is { } media ? hashes.GetValueOrDefault(media.FullName) ?? BundleVerifier.Sha256(media) : null;

        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("snapshots/", StringComparison.Ordinal) && e.FullName.EndsWith(".json", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var version = entry.FullName["snapshots/".Length..^".json".Length];
            var token = zip.GetEntry($"snapshots/{version}.tsr") is { } tsr ? BundleVerifier.ReadAll(tsr) : null;
            rows.AddRange(BundleVerifier.SnapshotChecks(entry.FullName, BundleVerifier.ReadAll(entry), Raw, Media, token,
                state?.TimestampOf(version), trusted));
        }

        return rows;
    }

    /// <summary><c>manifest.json</c> lists the same files with the same hashes as <c>SHA256SUMS</c>.</summary>
    private static VerificationRow ManifestAgrees(ZipArchive zip, IReadOnlyDictionary<string, string> sums)
    {
        if (zip.GetEntry("manifest.json") is not { } entry)
        {
            return new VerificationRow("manifest.json", "agrees with SHA256SUMS", false, "missing from the bundle");
        }

        try
        {
            using var manifest = JsonDocument.Parse(BundleVerifier.ReadAll(entry));
            var files = manifest.RootElement.GetProperty("files").EnumerateArray()
                .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
            var same = files.Count == sums.Count && files.All(f => sums.TryGetValue(f.Key, out var sum) && sum == f.Value);
            return new VerificationRow("manifest.json", "agrees with SHA256SUMS", same, same ? $"{files.Count} files" : "lists other files or other hashes than SHA256SUMS");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new VerificationRow("manifest.json", "agrees with SHA256SUMS", false, $"not readable ({e.Message})");
        }
    }
}

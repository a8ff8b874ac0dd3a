using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Archiver.Archive;

namespace Archiver.Evidence.Verification;

/// <summary>
/// Verifies a downloaded bundle offline, a ZIP (<c>SHA256SUMS</c>) or a WACZ (<c>datapackage.json</c>): every file
/// against its listed hash, nothing missing and nothing added; every short-link hop the state lists against its raw
/// body; every snapshot against the raw bodies and media it lists, its tweet re-derived from those bodies; every
/// RFC 3161 token against its snapshot's hash and the given chain.
/// </summary>
public static class BundleVerifier
{
    public static IReadOnlyList<VerificationRow> Verify(string path, IReadOnlyCollection<X509Certificate2> trusted)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return [new VerificationRow(Path.GetFileName(path), "readable ZIP", false, e.Message)];
        }

        using (zip)
        {
            if (zip.GetEntry("datapackage.json") is not null)
            {
                return WaczChecks.Verify(zip, trusted);
            }

            if (zip.GetEntry("SHA256SUMS") is not null)
            {
                return ZipChecks.Verify(zip, trusted);
            }

            return [new VerificationRow(Path.GetFileName(path), "format", false, "neither SHA256SUMS (an Archiver bundle) nor datapackage.json (a WACZ) is in it")];
        }
    }

    internal static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    internal static string Sha256(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Each answered short-link hop the state lists, against its raw body in the package.</summary>
    internal static IEnumerable<VerificationRow> ShortLinkChecks(string item, TweetState? state, Func<string, byte[]?> rawBody)
    {
        foreach (var link in state?.ShortLinks ?? [])
        {
            foreach (var hop in link.Hops.Where(h => h.Status is not null))
            {
                var body = rawBody(hop.Sha256);
                var hopText = $"{link.ShortLink}: {hop.Url} HTTP {hop.Status!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(hop.Location is null ? "" : $" → {hop.Location}")}";
                yield return body is not null && Convert.ToHexStringLower(SHA256.HashData(body)) == hop.Sha256
                    ? new VerificationRow(item, "short-link hop raw body", true, $"{hopText}, {hop.Size} bytes")
                    : new VerificationRow(item, "short-link hop raw body", false, $"{hopText}: the raw body {hop.Sha256} is {(body is null ? "not in the package" : "altered")}");
            }
        }
    }

    /// <summary>
    /// The checks of one snapshot that both formats share: its files and bodies, its tweet, its token (checked against
    /// this snapshot's own hash; <paramref name="listed"/> is the token the state lists for it, if any).
    /// </summary>
    internal static IEnumerable<VerificationRow> SnapshotChecks(
        string item, byte[] snapshotBytes, Func<string, byte[]?> rawBody, Func<SnapshotFile, string?> mediaSha256, byte[]? token, SnapshotTimestamp? listed,
        IReadOnlyCollection<X509Certificate2> trusted)
    {
        Snapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(snapshotBytes, ArchiveJsonContext.Default.Snapshot);
        }
        catch (JsonException e)
        {
            snapshot = null;
            item += $" ({e.Message})";
        }

        if (snapshot is null)
        {
            yield return new VerificationRow(item, "snapshot readable", false, "not a snapshot JSON document");
            yield break;
        }

        foreach (var file in snapshot.Files)
        {
            var found = mediaSha256(file);
            yield return found == file.Sha256
                ? new VerificationRow(item, $"{file.Role} file", true, $"{file.File}: {file.Size} bytes, SHA-256 as the snapshot says")
                : new VerificationRow(item, $"{file.Role} file", false, found is null ? $"{file.File} is not in the package" : $"{file.File} has SHA-256 {found}, the snapshot says {file.Sha256}");
        }

        foreach (var source in snapshot.Sources)
        {
            var body = rawBody(source.Sha256);
            yield return body is not null && Convert.ToHexStringLower(SHA256.HashData(body)) == source.Sha256
                ? new VerificationRow(item, $"{source.Source} raw body", true, $"{source.Sha256[..12]}…: {source.Size} bytes, HTTP {source.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}")
                : new VerificationRow(item, $"{source.Source} raw body", false, $"the raw body {source.Sha256} is {(body is null ? "not in the package" : "altered")}");
        }

        yield return TweetRederivation.Check(item, snapshot, rawBody);

        var snapshotSha256 = Convert.ToHexStringLower(SHA256.HashData(snapshotBytes));
        if (token is null)
        {
            yield return listed is { } expected
                ? new VerificationRow(item, "timestamp token", false, $"the state lists a token ({expected.Blob}) the package does not hold")
                : new VerificationRow(item, "timestamp token", true, "not yet timestamped (no token in the package)");
            yield break;
        }

        var result = TimestampVerifier.Verify(token, Convert.FromHexString(snapshotSha256), trusted);
        yield return new VerificationRow(item, "timestamp token", result.Valid,
            result.Valid ? $"{result.Detail}; genTime {result.GenTime:O}" : $"{result.Detail} (snapshot SHA-256 {snapshotSha256})");
    }
}

using System.Text;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Evidence;

/// <summary>
/// <c>tools/Archiver.Verify</c> run as a command on downloaded bundles, whole and tampered with: it prints a table,
/// exits 0 when everything holds and 1 naming each problem otherwise.
/// </summary>
public sealed class VerifyCommandTests(AzuriteFixture azurite)
{
    private sealed record Downloaded(EvidenceScenario Scenario, byte[] Zip, byte[] Wacz, string Version, string PhotoFile, string SyndicationSha256, string HopSha256);

    private static async Task<Downloaded> DownloadAsync(EvidenceScenario s)
    {
        var state = await s.ArchiveAsync();
        var version = state.GetProperty("versions")[0].GetProperty("version").GetString()!;
        var zip = await s.BundleAsync();
        var wacz = await s.BundleAsync("?format=wacz");
        var snapshot = await s.Archive.GetJsonAsync($"/api/tweets/{EvidenceScenario.Tweet.Id}/snapshots/{version}");
        var photo = snapshot.GetProperty("files").EnumerateArray().First(f => f.GetProperty("role").GetString() == "media").GetProperty("file").GetString()!;
        var syndication = snapshot.GetProperty("sources").EnumerateArray().First(f => f.GetProperty("source").GetString() == "syndication").GetProperty("sha256").GetString()!;
        // The second short-link hop, the one with a body (t.co's meta-refresh page).
        var hop = state.GetProperty("shortLinks")[0].GetProperty("hops")[1].GetProperty("sha256").GetString()!;
        return new Downloaded(s, zip, wacz, version, photo, syndication, hop);
    }

    [Fact]
    public async Task Verify_WholeZipAndWacz_EveryCheckHoldsExitZero()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var d = await DownloadAsync(s);

        var zip = await s.VerifyAsync(s.Write("tweet.zip", d.Zip));
        var wacz = await s.VerifyAsync(s.Write("tweet.wacz", d.Wacz));

        TestContext.Current.TestOutputHelper?.WriteLine(zip.Output);
        TestContext.Current.TestOutputHelper?.WriteLine(wacz.Output);
        foreach (var run in new[] { zip, wacz })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("checks held.", run.Output);
            Assert.DoesNotContain("FAIL", run.Output);
            Assert.Contains("tweet re-derived from raw bodies", run.Output);
            Assert.Contains("signature, hash and chain hold; signer CN=Archiver Test TSA", run.Output);
            Assert.Equal(3, run.Output.Split('\n').Count(l => l.StartsWith("ok", StringComparison.Ordinal) && l.Contains("short-link hop raw body", StringComparison.Ordinal)));
        }

        Assert.Contains("SHA256SUMS", zip.Output);
        Assert.Contains("WACZ: digest of datapackage.json", wacz.Output);
        Assert.Contains("every block and payload digest holds", wacz.Output);
    }

    [Fact]
    public async Task Verify_ZipBundleListsTheToken()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var d = await DownloadAsync(s);

        var sums = Encoding.UTF8.GetString(EvidenceScenario.Entry(d.Zip, "SHA256SUMS"));
        var manifest = System.Text.Json.JsonDocument.Parse(EvidenceScenario.Entry(d.Zip, "manifest.json")).RootElement;

        Assert.Contains($"  snapshots/{d.Version}.tsr\n", sums);
        var timestamp = manifest.GetProperty("timestamps")[0];
        Assert.Equal($"snapshots/{d.Version}.tsr", timestamp.GetProperty("token").GetString());
        Assert.Equal(s.Tsa.Url.AbsoluteUri, timestamp.GetProperty("authority").GetString());
    }

    public static TheoryData<string> Tampering => ["media", "snapshot", "raw", "hop", "token", "removed", "added"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_TamperedZip_NamesTheProblemExitOne(string tampering)
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var d = await DownloadAsync(s);
        var (bundle, expected) = tampering switch
        {
            "media" => (Change(d.Zip, $"media/{d.PhotoFile}", b => EvidenceScenario.Flip(b)), [$"media/{d.PhotoFile}", "media file"]),
            "snapshot" => (Change(d.Zip, $"snapshots/{d.Version}.json", b => Flip(b, EvidenceScenario.Tweet.Text)), [$"snapshots/{d.Version}.json", "timestamp token"]),
            "raw" => (Change(d.Zip, $"raw/{d.SyndicationSha256}", b => Flip(b, EvidenceScenario.Tweet.Text)), [$"raw/{d.SyndicationSha256}", "syndication raw body"]),
            "hop" => (Change(d.Zip, $"raw/{d.HopSha256}", b => Flip(b, "refresh")), [$"raw/{d.HopSha256}", "short-link hop raw body"]),
            "token" => (Change(d.Zip, $"snapshots/{d.Version}.tsr", b => EvidenceScenario.Flip(b, b.Length - 300)), [$"snapshots/{d.Version}.tsr", "timestamp token"]),
            "removed" => (EvidenceScenario.Rewrite(d.Zip, (name, bytes) => name == $"media/{d.PhotoFile}" ? null : bytes), [$"media/{d.PhotoFile}", "listed in SHA256SUMS but missing from the bundle"]),
            _ => (EvidenceScenario.Rewrite(d.Zip, (_, bytes) => bytes, ("media/extra.jpg", [1, 2, 3])), new[] { "media/extra.jpg", "not listed in SHA256SUMS (added)" }),
        };

        var run = await s.VerifyAsync(s.Write("tampered.zip", bundle));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("checks FAILED.", run.Output);
        var failures = run.Output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.All(expected, e => Assert.Contains(failures, l => l.Contains(e, StringComparison.Ordinal)));
    }

    /// <summary>Altering a raw body and rewriting SHA256SUMS and the manifest to match still fails: the snapshot and its token hold the hash.</summary>
    [Fact]
    public async Task Verify_RawBodyAlteredAndSumsRewritten_CaughtByTheSnapshot()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var d = await DownloadAsync(s);
        var bundle = AlterRawWithSumsRewritten(d.Zip, d.SyndicationSha256, EvidenceScenario.Tweet.Text, sha => $"\"sha256\": \"{sha}\"");

        var run = await s.VerifyAsync(s.Write("rewritten.zip", bundle));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal) && (l.Contains("SHA256SUMS", StringComparison.Ordinal) || l.Contains("manifest.json", StringComparison.Ordinal)));
        Assert.Contains(run.Output.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("syndication raw body", StringComparison.Ordinal));
    }

    /// <summary>A short-link hop's body altered with SHA256SUMS and the manifest rewritten to match: the hop the state lists still names it.</summary>
    [Fact]
    public async Task Verify_HopBodyAlteredAndSumsRewritten_CaughtByTheStatesHop_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var d = await DownloadAsync(s);
        var bundle = AlterRawWithSumsRewritten(d.Zip, d.HopSha256, "refresh", sha => $"\"sha256\": \"{sha}\",\n      \"size\"");

        var run = await s.VerifyAsync(s.Write("rewritten.zip", bundle));

        Assert.True(run.ExitCode == 1, run.ToString());
        var failures = run.Output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(failures, l => l.Contains("SHA256SUMS", StringComparison.Ordinal));
        var hop = Assert.Single(failures);
        Assert.Contains("short-link hop raw body", hop);
        Assert.Contains($"{EvidenceScenario.SecondHopUrl} HTTP 200: the raw body {d.HopSha256} is altered", hop);
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_TamperedWacz_Rejected(string tampering)
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var d = await DownloadAsync(s);
        var (bundle, expected) = tampering switch
        {
            "media" => (Change(d.Wacz, "archive/data.warc.gz", warc => FlipPhotoInWarc(warc)), new[] { "archive/data.warc.gz", "WARC-Payload-Digest" }),
            "snapshot" => (Change(d.Wacz, $"archiver/snapshots/{d.Version}.json", b => Flip(b, EvidenceScenario.Tweet.Text)), [$"archiver/snapshots/{d.Version}.json", "timestamp token"]),
            "raw" => (Change(d.Wacz, "archive/data.warc.gz", warc => FlipSyndicationInWarc(warc)), ["archive/data.warc.gz", "syndication raw body"]),
            "hop" => (Change(d.Wacz, "archive/data.warc.gz", warc => RewriteWarc(warc, plain => Flip(plain, "http-equiv=\"refresh\""))), ["archive/data.warc.gz", "short-link hop raw body"]),
            "token" => (Change(d.Wacz, $"archiver/snapshots/{d.Version}.tsr", b => EvidenceScenario.Flip(b, b.Length - 300)), [$"archiver/snapshots/{d.Version}.tsr", "timestamp token"]),
            "removed" => (EvidenceScenario.Rewrite(d.Wacz, (name, bytes) => name == "pages/pages.jsonl" ? null : bytes), ["pages/pages.jsonl", "missing"]),
            _ => (EvidenceScenario.Rewrite(d.Wacz, (_, bytes) => bytes, ("archive/extra.warc", "WARC/1.1\r\n"u8.ToArray())), ["archive/extra.warc", "not listed in datapackage.json (added)"]),
        };

        var run = await s.VerifyAsync(s.Write("tampered.wacz", bundle));

        Assert.True(run.ExitCode == 1, run.ToString());
        var failures = run.Output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.All(expected, e => Assert.Contains(failures, l => l.Contains(e, StringComparison.Ordinal)));
        if (tampering is "media" or "raw" or "hop")
        {
            // warcio.js, reading the altered WARC, finds the payload that no longer matches its digest.
            var records = await WaczBundleTests.ReadWithWarcioAsync(s.Write("altered.warc.gz", EvidenceScenario.Entry(bundle, "archive/data.warc.gz")));
            Assert.Contains(records.GetProperty("records").EnumerateArray(), r => r.GetProperty("type").GetString() == "response" && r.GetProperty("payloadDigest").GetString() != r.GetProperty("payloadComputed").GetString());
        }
    }

    private static byte[] Change(byte[] zip, string entry, Func<byte[], byte[]> change) =>
        EvidenceScenario.Rewrite(zip, (name, bytes) => name == entry ? change(bytes) : bytes);

    /// <summary>Changes one letter of <paramref name="text"/> where it first appears in <paramref name="bytes"/>.</summary>
    /// <summary>
    /// The raw body <paramref name="sha256"/> with one byte of <paramref name="near"/> flipped, and SHA256SUMS and the
    /// manifest (where <paramref name="manifestHash"/> names it) rewritten to the altered body's hash.
    /// </summary>
    private static byte[] AlterRawWithSumsRewritten(byte[] zip, string sha256, string near, Func<string, string> manifestHash)
    {
        var altered = Flip(EvidenceScenario.Entry(zip, $"raw/{sha256}"), near);
        var alteredSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(altered));
        return EvidenceScenario.Rewrite(zip, (name, bytes) => name switch
        {
            _ when name == $"raw/{sha256}" => altered,
            "SHA256SUMS" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace($"{sha256}  raw/", $"{alteredSha}  raw/", StringComparison.Ordinal)),
            "manifest.json" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(manifestHash(sha256), manifestHash(alteredSha), StringComparison.Ordinal)),
            _ => bytes,
        });
    }

    private static byte[] Flip(byte[] bytes, string text)
    {
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text));
        Assert.True(at >= 0, $"'{text}' is not in the file");
        return EvidenceScenario.Flip(bytes, at + 1);
    }

    private static byte[] FlipPhotoInWarc(byte[] warc) => RewriteWarc(warc, plain => EvidenceScenario.Flip(plain, plain.AsSpan().IndexOf(EvidenceScenario.PhotoBytes.AsSpan(0, 64)) + 100));

    private static byte[] FlipSyndicationInWarc(byte[] warc) => RewriteWarc(warc, plain => Flip(plain, EvidenceScenario.Tweet.Text));

    /// <summary>The WARC decompressed, changed, and compressed again as one gzip member (its digests no longer hold).</summary>
    private static byte[] RewriteWarc(byte[] gzip, Func<byte[], byte[]> change)
    {
        using var plain = new MemoryStream();
        using (var reader = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress))
        {
            reader.CopyTo(plain);
        }

        var changed = change(plain.ToArray());
        using var output = new MemoryStream();
        using (var writer = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            writer.Write(changed);
        }

        return output.ToArray();
    }
}

using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Evidence;

/// <summary><c>GET /api/tweets/{id}/bundle?format=wacz</c>: a WACZ 1.1.1 package, read back with Webrecorder's warcio.js.</summary>
public sealed class WaczBundleTests(AzuriteFixture azurite)
{
    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task GetBundle_Wacz_StreamedAsAWaczAttachment()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        await s.ArchiveAsync();

        var response = await s.Archive.Client.GetAsync($"/api/tweets/{EvidenceScenario.Tweet.Id}/bundle?format=wacz", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/wacz", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"tweet-{EvidenceScenario.Tweet.Id}.wacz", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Empty(await s.Archive.BlobNamesAsync("exports/"));
    }

    [Fact]
    public async Task GetBundle_UnknownFormat_BadRequestJson()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        await s.ArchiveAsync();

        var response = await s.Archive.Client.GetAsync($"/api/tweets/{EvidenceScenario.Tweet.Id}/bundle?format=tar", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Archive.ArchiveScenario.BodyAsync(response)).GetProperty("error");
        Assert.Equal("invalid_query", error.GetProperty("code").GetString());
        Assert.Equal("format 'tar' is not a bundle format: use zip (the default) or wacz.", error.GetProperty("message").GetString());
    }

    /// <summary>The WACZ 1.1.1 rules that no tool here checks, checked by hand: required files, hashes, digest file, pages.</summary>
    [Fact]
    public async Task GetBundle_Wacz_KeepsTheWacz111Rules()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var state = await s.ArchiveAsync();
        var version = state.GetProperty("versions")[0].GetProperty("version").GetString()!;

        var wacz = await s.BundleAsync("?format=wacz");

        using var zip = new ZipArchive(new MemoryStream(wacz), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("datapackage.json", names);
        Assert.Contains("datapackage-digest.json", names);
        Assert.Contains("pages/pages.jsonl", names);
        Assert.Contains("archive/data.warc.gz", names);
        Assert.Contains("indexes/index.cdx", names);
        Assert.Contains($"archiver/snapshots/{version}.json", names);
        Assert.Contains($"archiver/snapshots/{version}.tsr", names);
        // WARC files are stored, not deflated again (random access into them).
        var warc = zip.GetEntry("archive/data.warc.gz")!;
        Assert.Equal(warc.Length, warc.CompressedLength);

        var datapackageBytes = EvidenceScenario.Entry(wacz, "datapackage.json");
        using var datapackage = JsonDocument.Parse(datapackageBytes);
        var root = datapackage.RootElement;
        Assert.Equal("data-package", root.GetProperty("profile").GetString());
        Assert.Equal("1.1.1", root.GetProperty("wacz_version").GetString());
        Assert.Equal($"https://x.com/{EvidenceScenario.Tweet.ScreenName}/status/{EvidenceScenario.Tweet.Id}", root.GetProperty("mainPageUrl").GetString());
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        // Every file but the manifest and its digest is listed, with its SHA-256 and size.
        Assert.Equal(names.Except(["datapackage.json", "datapackage-digest.json"]).Order(), resources.Select(r => r.GetProperty("path").GetString()!).Order());
        foreach (var resource in resources)
        {
            var bytes = EvidenceScenario.Entry(wacz, resource.GetProperty("path").GetString()!);
            Assert.Equal("sha256:" + Hex(bytes), resource.GetProperty("hash").GetString());
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt64());
            Assert.Equal(Path.GetFileName(resource.GetProperty("path").GetString()), resource.GetProperty("name").GetString());
        }

        using var digest = JsonDocument.Parse(EvidenceScenario.Entry(wacz, "datapackage-digest.json"));
        Assert.Equal("datapackage.json", digest.RootElement.GetProperty("path").GetString());
        Assert.Equal("sha256:" + Hex(datapackageBytes), digest.RootElement.GetProperty("hash").GetString());

        var pages = Encoding.UTF8.GetString(EvidenceScenario.Entry(wacz, "pages/pages.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var header = JsonDocument.Parse(pages[0]);
        Assert.Equal("json-pages-1.0", header.RootElement.GetProperty("format").GetString());
        using var page = JsonDocument.Parse(pages[1]);
        Assert.Equal($"https://x.com/{EvidenceScenario.Tweet.ScreenName}/status/{EvidenceScenario.Tweet.Id}", page.RootElement.GetProperty("url").GetString());
        Assert.Equal(
            state.GetProperty("versions")[0].GetProperty("capturedAt").GetDateTimeOffset().ToUnixTimeMilliseconds(),
            DateTimeOffset.Parse(page.RootElement.GetProperty("ts").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task GetBundle_Wacz_WarcioReadsEveryRecordWithItsDigestsAndIndexesItAsWeDo()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        await s.ArchiveAsync();
        var wacz = await s.BundleAsync("?format=wacz");
        var warcPath = s.Write("data.warc.gz", EvidenceScenario.Entry(wacz, "archive/data.warc.gz"));

        var records = await WarcioAsync(warcPath);

        var list = records.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal("warcinfo", list[0].GetProperty("type").GetString());
        Assert.All(list, r => Assert.Equal(r.GetProperty("blockDigest").GetString(), r.GetProperty("blockComputed").GetString()));
        Assert.All(list.Skip(1), r => Assert.Equal(r.GetProperty("payloadDigest").GetString(), r.GetProperty("payloadComputed").GetString()));
        // A request, then its response, for every exchange; the request names the response it goes with.
        for (var i = 1; i < list.Count; i += 2)
        {
            Assert.Equal("request", list[i].GetProperty("type").GetString());
            Assert.Equal("response", list[i + 1].GetProperty("type").GetString());
            Assert.Equal(list[i + 1].GetProperty("recordId").GetString(), list[i].GetProperty("concurrentTo").GetString());
            Assert.Equal(list[i].GetProperty("target").GetString(), list[i + 1].GetProperty("target").GetString());
        }

        // The article cited a short link: each hop on the way to the tweet has its request and response, as fetched.
        JsonElement Response(string url) => list.Single(r => r.GetProperty("type").GetString() == "response" && r.GetProperty("target").GetString() == url);
        JsonElement Request(string url) => list.Single(r => r.GetProperty("type").GetString() == "request" && r.GetProperty("target").GetString() == url);
        var first = Response(EvidenceScenario.FirstHopUrl);
        Assert.Equal(301, first.GetProperty("status").GetInt32());
        Assert.Equal(EvidenceScenario.SecondHopUrl, first.GetProperty("location").GetString());
        Assert.Equal("t.co", Request(EvidenceScenario.FirstHopUrl).GetProperty("host").GetString());
        Assert.Equal("GET", Request(EvidenceScenario.FirstHopUrl).GetProperty("method").GetString());
        var second = Response(EvidenceScenario.SecondHopUrl);
        Assert.Equal(200, second.GetProperty("status").GetInt32());
        Assert.Equal("sha256:" + Hex(EvidenceScenario.SecondHopReply.Body), second.GetProperty("payloadComputed").GetString());
        var third = Response(EvidenceScenario.ThirdHopUrl);
        Assert.Equal(301, third.GetProperty("status").GetInt32());
        Assert.Equal($"https://x.com/{EvidenceScenario.Tweet.ScreenName}/status/{EvidenceScenario.Tweet.Id}", third.GetProperty("location").GetString());
        Assert.Equal("twitter.com", Request(EvidenceScenario.ThirdHopUrl).GetProperty("host").GetString());

        var syndication = list.Single(r => r.GetProperty("type").GetString() == "response" && r.GetProperty("target").GetString() == EvidenceScenario.SyndicationUrl);
        Assert.Equal(200, syndication.GetProperty("status").GetInt32());
        Assert.Contains(EvidenceScenario.Tweet.Text, syndication.GetProperty("payloadText").GetString());
        var photo = list.Single(r => r.GetProperty("type").GetString() == "response" && r.GetProperty("target").GetString() == EvidenceScenario.PhotoUrl);
        Assert.Equal("sha256:" + Hex(EvidenceScenario.PhotoBytes), photo.GetProperty("payloadComputed").GetString());
        Assert.Equal("image/jpeg", photo.GetProperty("httpContentType").GetString());

        var ours = Encoding.UTF8.GetString(EvidenceScenario.Entry(wacz, "indexes/index.cdx")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        var theirs = records.GetProperty("cdxj").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(theirs, ours);
        Assert.Contains(ours, line => line.StartsWith($"co,t)/{EvidenceScenario.ShortLinkCode.ToLowerInvariant()} ", StringComparison.Ordinal) && line.Contains("\"status\":\"301\"", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> WarcioAsync(string warcPath)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "Archiver.Tests", "Evidence", "warcio-check.mjs");
        var run = await ExternalTool.RunAsync("node", [script, warcPath], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    internal static Task<JsonElement> ReadWithWarcioAsync(string warcPath) => WarcioAsync(warcPath);
}

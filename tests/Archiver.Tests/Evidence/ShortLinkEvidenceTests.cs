using System.Text;
using System.Text.Json;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Evidence;

/// <summary>
/// Issue 15: short-link hops are evidence like the other exchanges. An article cites the tweet through
/// <c>t.co</c> → <c>t.co</c> → twitter.com → x.com; each hop's request and response headers and its raw body are kept on
/// the citation and on the tweet, and travel in its ZIP bundle.
/// </summary>
public sealed class ShortLinkEvidenceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Archive_ShortLinkChain_EveryHopKeptWithHeadersAndRawBody_OnTheCitationAndTheTweet_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);

        var (submission, tweet) = await s.ArchiveWithSubmissionAsync();

        var stored = JsonDocument.Parse(await s.Archive.BlobBytesAsync($"submissions/{submission.GetProperty("id").GetString()}.json")).RootElement;
        Assert.DoesNotContain("127.0.0.1", stored.ToString());
        var resolution = stored.GetProperty("citations")[0].GetProperty("resolution");
        Assert.Equal($"https://t.co/{EvidenceScenario.ShortLinkCode}", resolution.GetProperty("shortLink").GetString());
        Assert.Equal("tweet", resolution.GetProperty("status").GetString());
        Assert.Equal(EvidenceScenario.Tweet.Id, resolution.GetProperty("tweetId").GetString());
        Assert.Equal(EvidenceScenario.FinalUrl, resolution.GetProperty("finalUrl").GetString());
        await AssertHopsAsync(s, resolution.GetProperty("hops"));

        // The tweet lists the short link that led to it, with the same hops.
        var listed = Assert.Single(tweet.GetProperty("shortLinks").EnumerateArray());
        Assert.Equal(
            resolution.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("sha256").GetString()),
            listed.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("sha256").GetString()));
        var state = JsonDocument.Parse(await s.Archive.BlobBytesAsync($"tweets/{EvidenceScenario.Tweet.Id}/state.json")).RootElement;
        await AssertHopsAsync(s, Assert.Single(state.GetProperty("shortLinks").EnumerateArray()).GetProperty("hops"));
    }

    [Fact]
    public async Task Archive_SameShortLinkAgainThenAnother_TheTweetListsEachDistinctResolutionOnce_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        s.Archive.Upstream.AddShortLink("Td7Direct3", EvidenceScenario.FinalUrl);
        await s.ArchiveAsync();

        // The same article again: resolved again, the same answers (only the headers' dates differ).
        var (again, _) = await s.ArchiveWithSubmissionAsync();
        var (other, tweet) = await s.ArchiveWithSubmissionAsync("Td7Direct3");

        var links = tweet.GetProperty("shortLinks").EnumerateArray().ToList();
        Assert.Equal([$"https://t.co/{EvidenceScenario.ShortLinkCode}", "https://t.co/Td7Direct3"], links.Select(l => l.GetProperty("shortLink").GetString()));
        Assert.Equal(3, links[0].GetProperty("hops").GetArrayLength());
        var direct = Assert.Single(links[1].GetProperty("hops").EnumerateArray());
        Assert.Equal(301, direct.GetProperty("status").GetInt32());
        Assert.Equal(EvidenceScenario.FinalUrl, direct.GetProperty("location").GetString());
        // Each submission keeps its own resolution.
        foreach (var answer in new[] { again, other })
        {
            var kept = JsonDocument.Parse(await s.Archive.BlobBytesAsync($"submissions/{answer.GetProperty("id").GetString()}.json")).RootElement;
            Assert.Equal("tweet", kept.GetProperty("citations")[0].GetProperty("resolution").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task GetBundle_Zip_HopRawBodiesInSha256SumsAndTheManifestListsTheHops_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var tweet = await s.ArchiveAsync();
        var hops = tweet.GetProperty("shortLinks")[0].GetProperty("hops").EnumerateArray().ToList();

        var zip = await s.BundleAsync();

        var sums = Encoding.UTF8.GetString(EvidenceScenario.Entry(zip, "SHA256SUMS"));
        foreach (var hop in hops)
        {
            var sha = hop.GetProperty("sha256").GetString()!;
            Assert.Contains($"{sha}  raw/{sha}\n", sums);
        }

        Assert.Equal(EvidenceScenario.SecondHopReply.Body, EvidenceScenario.Entry(zip, $"raw/{hops[1].GetProperty("sha256").GetString()}"));
        var manifest = JsonDocument.Parse(EvidenceScenario.Entry(zip, "manifest.json")).RootElement;
        var link = Assert.Single(manifest.GetProperty("shortLinks").EnumerateArray());
        Assert.Equal(EvidenceScenario.Tweet.Id, link.GetProperty("tweetId").GetString());
        var listed = link.GetProperty("hops").EnumerateArray().ToList();
        Assert.Equal([EvidenceScenario.FirstHopUrl, EvidenceScenario.SecondHopUrl, EvidenceScenario.ThirdHopUrl], listed.Select(h => h.GetProperty("url").GetString()));
        Assert.Equal([301, 200, 301], listed.Select(h => h.GetProperty("status").GetInt32()));
        Assert.All(listed, h => Assert.Equal($"raw/{h.GetProperty("sha256").GetString()}", h.GetProperty("blob").GetString()));
        Assert.Equal(EvidenceScenario.SecondHopUrl, Header(listed[0].GetProperty("http").GetProperty("responseHeaders"), "Location"));
        var state = JsonDocument.Parse(EvidenceScenario.Entry(zip, "state.json")).RootElement;
        Assert.Equal(3, state.GetProperty("shortLinks")[0].GetProperty("hops").GetArrayLength());
    }

    /// <summary>The three hops: status, target, outcome, the headers sent and received on the real host, the raw body stored.</summary>
    private static async Task AssertHopsAsync(EvidenceScenario s, JsonElement hopsElement)
    {
        var hops = hopsElement.EnumerateArray().ToList();
        Assert.Equal([EvidenceScenario.FirstHopUrl, EvidenceScenario.SecondHopUrl, EvidenceScenario.ThirdHopUrl], hops.Select(h => h.GetProperty("url").GetString()));
        Assert.Equal([301, 200, 301], hops.Select(h => h.GetProperty("status").GetInt32()));
        Assert.Equal([EvidenceScenario.SecondHopUrl, null, EvidenceScenario.FinalUrl], hops.Select(h => h.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null));
        Assert.Equal(["redirect", "refresh", "redirect"], hops.Select(h => h.GetProperty("outcome").GetString()));
        Assert.Equal(["t.co", "t.co", "twitter.com"], hops.Select(h => Header(h.GetProperty("http").GetProperty("requestHeaders"), "Host")));
        foreach (var hop in hops)
        {
            var http = hop.GetProperty("http");
            Assert.Equal("GET", http.GetProperty("method").GetString());
            Assert.Equal(hop.GetProperty("url").GetString(), http.GetProperty("url").GetString());
            Assert.Equal(hop.GetProperty("status").GetInt32(), http.GetProperty("status").GetInt32());
            Assert.Contains("Archiver", Header(http.GetProperty("requestHeaders"), "User-Agent"));
            Assert.NotNull(Header(http.GetProperty("responseHeaders"), "Date"));
            var sha = hop.GetProperty("sha256").GetString()!;
            Assert.Equal($"raw/{sha}", hop.GetProperty("blob").GetString());
            Assert.Equal(sha, Archive.ArchiveScenario.Sha256(await s.Archive.BlobBytesAsync($"raw/{sha}")));
        }

        Assert.Equal(hops[0].GetProperty("location").GetString(), Header(hops[0].GetProperty("http").GetProperty("responseHeaders"), "Location"));
        Assert.Equal(EvidenceScenario.FinalUrl, Header(hops[2].GetProperty("http").GetProperty("responseHeaders"), "Location"));
        Assert.StartsWith("text/html", Header(hops[1].GetProperty("http").GetProperty("responseHeaders"), "Content-Type"), StringComparison.Ordinal);
        Assert.Equal(EvidenceScenario.SecondHopReply.Body, await s.Archive.BlobBytesAsync(hops[1].GetProperty("blob").GetString()!));
    }

    private static string? Header(JsonElement headers, string name) =>
        headers.EnumerateArray().Where(h => h.GetProperty("name").GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.GetProperty("value").GetString()).FirstOrDefault();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Articles;

/// <summary>Issue 14: an article given by its address is fetched through the guard, recorded, and its tweets archived.</summary>
public sealed class ArticlePageFetcherTests(AzuriteFixture azurite)
{
    private const string TweetId = "1777777777777777142";

    private static readonly string StoryHtml =
        $"<!DOCTYPE html><html><head><title>Harbour</title></head><body><article><p>The harbour office <a href=\"https://x.com/quay_notes/status/{TweetId}\">said so</a>.</p></article></body></html>";

    [Fact]
    public async Task Archive_Url_PageRecordedWithItsRawBodyAndTweetsArchived_14()
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: site.Register);
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = TweetId, Text = "Harbour office closed for the storm.", ScreenName = "quay_notes", Name = "Quay Notes" });
        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), FakeReply.GeneratedBytes(3_000), "image/jpeg");
        site.Serve("/s/42", FakeReply.Redirect("/2026/harbour"));
        site.Serve("/2026/harbour", FakeReply.Html(StoryHtml));

        var response = await s.Client.PostAsJsonAsync("/api/archive", new { url = site.Url("/s/42") }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("archived", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        var article = body.GetProperty("article");
        var bytes = Encoding.UTF8.GetBytes(StoryHtml);
        Assert.Equal("http://news.example/s/42", article.GetProperty("url").GetString());
        Assert.Equal("http://news.example/2026/harbour", article.GetProperty("finalUrl").GetString());
        Assert.Equal(200, article.GetProperty("status").GetInt32());
        Assert.Equal(bytes.Length, article.GetProperty("bytes").GetInt64());
        Assert.Equal(ArchiveScenario.Sha256(bytes), article.GetProperty("sha256").GetString());
        Assert.Equal($"raw/{ArchiveScenario.Sha256(bytes)}", article.GetProperty("raw").GetString());
        Assert.Equal(bytes, await s.BlobBytesAsync(article.GetProperty("raw").GetString()!));
        var stored = await s.GetJsonAsync(body.GetProperty("self").GetString()!);
        Assert.Equal(article.GetProperty("sha256").GetString(), stored.GetProperty("article").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Extract_Url_CitationsAndThePageButNothingStored_14()
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: site.Register);
        site.Serve("/story.md", FakeReply.Bytes(Encoding.UTF8.GetBytes($"See [the post](https://x.com/quay_notes/status/{TweetId})."), "text/markdown; charset=utf-8"));

        var response = await s.Client.PostAsJsonAsync("/api/extract", new { url = site.Url("/story.md") }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("markdown", body.GetProperty("format").GetString());
        Assert.Equal(TweetId, body.GetProperty("citations")[0].GetProperty("tweetId").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("article").GetProperty("raw").ValueKind);
        Assert.Empty(await s.BlobNamesAsync("raw/"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/2026/harbour", "127.0.0.1 is a loopback address")]
    [InlineData("http://localhost:{port}/2026/harbour", "a loopback address")]
    [InlineData("http://10.1.2.3/", "10.1.2.3 is a private address (10.0.0.0/8)")]
    [InlineData("http://172.20.0.1/", "172.20.0.1 is a private address (172.16.0.0/12)")]
    [InlineData("http://192.168.1.1/", "192.168.1.1 is a private address (192.168.0.0/16)")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is the cloud metadata address (169.254.169.254)")]
    [InlineData("http://169.254.10.1/", "169.254.10.1 is a link-local address (169.254.0.0/16)")]
    [InlineData("http://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address (100.64.0.0/10)")]
    [InlineData("http://0.0.0.0/", "0.0.0.0 is a \"this network\" address (0.0.0.0/8)")]
    [InlineData("http://224.0.0.1/", "224.0.0.1 is a multicast address")]
    [InlineData("http://[::1]/", "::1 is a loopback address")]
    [InlineData("http://[::]/", ":: is the unspecified address")]
    [InlineData("http://[fd00:ec2::254]/", "fd00:ec2::254 is a unique local address (fc00::/7)")]
    [InlineData("http://[fe80::1]/", "fe80::1 is a link-local address (fe80::/10)")]
    [InlineData("http://[::ffff:127.0.0.1]/", "is an IPv4-mapped IPv6 form of a loopback address")]
    [InlineData("http://[::ffff:169.254.169.254]/", "is an IPv4-mapped IPv6 form of the cloud metadata address (169.254.169.254)")]
    [InlineData("http://[64:ff9b::a00:1]/", "is an NAT64 IPv6 form of a private address (10.0.0.0/8)")]
    [InlineData("http://[2002:a9fe:a9fe::]/", "is an 6to4 IPv6 form of the cloud metadata address (169.254.169.254)")]
    [InlineData("http://news.example/to-loopback", "(redirected from http://news.example/to-loopback): 127.0.0.1 is a loopback address")]
    [InlineData("http://news.example/to-metadata", "(redirected from http://news.example/to-metadata): 169.254.169.254 is the cloud metadata address")]
    public async Task Archive_UrlOfANonPublicAddress_RefusedBeforeAnyRequest_14(string address, string reason)
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: site.Register);
        var url = address.Replace("{port}", site.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        site.Serve("/2026/harbour", FakeReply.Html(StoryHtml));
        site.Serve("/to-loopback", FakeReply.Redirect($"http://127.0.0.1:{site.EndPoint.Port}/2026/harbour", 302));
        site.Serve("/to-metadata", FakeReply.Redirect("http://169.254.169.254/latest/meta-data/", 307));

        var error = await RefusedAsync(s, url, HttpStatusCode.BadRequest, "url_refused");

        Assert.StartsWith("Refused to fetch ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.EndsWith(". Only public addresses are fetched.", error, StringComparison.Ordinal);
        Assert.Empty(await s.BlobNamesAsync("submissions/"));
    }

    [Theory]
    [InlineData("ftp://news.example/story", "invalid_url", "'ftp://news.example/story' cannot be fetched: only http and https are fetched, not ftp. Give an http:// or https:// address.")]
    [InlineData("file:///etc/passwd", "invalid_url", "'file:///etc/passwd' cannot be fetched: only http and https are fetched, not file. Give an http:// or https:// address.")]
    [InlineData("harbour story", "invalid_url", "'harbour story' cannot be fetched: it is not an absolute address. Give an http:// or https:// address.")]
    [InlineData("http://editor:secret@news.example/story", "invalid_url", "'http://editor:secret@news.example/story' cannot be fetched: addresses with a user name or password are not fetched. Give an http:// or https:// address.")]
    [InlineData("http://news.example/to-file", "url_refused", "http://news.example/to-file redirects to 'file:///etc/passwd', which is not followed: only http and https are fetched, not file.")]
    public async Task Archive_UrlThatIsNotAWebAddress_400WithTheReason_14(string url, string code, string message)
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: site.Register);
        site.Serve("/to-file", FakeReply.Redirect("file:///etc/passwd", 302));

        Assert.Equal(message, await RefusedAsync(s, url, HttpStatusCode.BadRequest, code));
    }

    [Fact]
    public async Task Archive_UrlUnusablePages_422WithTheReason_14()
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Articles:MaxBodyBytes"] = "1000" }, site.Register);
        for (var i = 0; i < 7; i++)
        {
            site.Serve($"/loop/{i}", FakeReply.Redirect($"/loop/{i + 1}", 302));
        }

        site.Serve("/report.pdf", FakeReply.Bytes([0x25, 0x50, 0x44, 0x46], "application/pdf"));
        site.Serve("/long", FakeReply.Html(new string('x', 2_000)));
        site.Serve("/gone", FakeReply.NotFoundHtml);

        Assert.Equal("http://news.example/loop/0 redirects more than 5 times.", await RefusedAsync(s, site.Url("/loop/0"), HttpStatusCode.UnprocessableEntity, "url_fetch_failed"));
        Assert.Equal("http://news.example/report.pdf is 'application/pdf'; only HTML, plain text and Markdown pages are read.", await RefusedAsync(s, site.Url("/report.pdf"), HttpStatusCode.UnprocessableEntity, "unsupported_page_type"));
        Assert.Equal("http://news.example/long is larger than the limit of 1000 bytes.", await RefusedAsync(s, site.Url("/long"), HttpStatusCode.UnprocessableEntity, "page_too_large"));
        Assert.Equal("http://news.example/gone answered HTTP 404, not a page.", await RefusedAsync(s, site.Url("/gone"), HttpStatusCode.UnprocessableEntity, "url_fetch_failed"));
        Assert.Empty(await s.BlobNamesAsync(""));
    }

    private static async Task<string> RefusedAsync(ArchiveScenario s, string url, HttpStatusCode status, string code)
    {
        var response = await s.Client.PostAsJsonAsync("/api/archive", new { url }, TestContext.Current.CancellationToken);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.True(status == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        return body.GetProperty("error").GetProperty("message").GetString()!;
    }
}

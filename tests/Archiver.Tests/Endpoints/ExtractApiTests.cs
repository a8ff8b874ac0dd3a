using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Endpoints;

public sealed class ExtractApiTests(AzuriteFixture azurite)
{
    private static async Task<(HttpStatusCode Status, JsonDocument Body)> Post(ArchiverApp app, HttpContent content, string path = "/api/extract")
    {
        var response = await app.Client().PostAsync(path, content, TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    private static string ErrorCode(JsonDocument body) => body.RootElement.GetProperty("error").GetProperty("code").GetString()!;

    [Fact]
    public async Task PostExtract_SeedArticle_FiveEmbedsWithShortLinksAndSignatures()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var text = await File.ReadAllTextAsync(RepositoryPaths.SeedArticle, TestContext.Current.CancellationToken);

        var (status, body) = await Post(app, new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, status);
        var citations = body.RootElement.GetProperty("citations").EnumerateArray().ToArray();
        Assert.Equal(5, body.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(
            ["https://pic.twitter.com/rtVCutBtcO", "https://pic.twitter.com/BVbPGKX3w0", "https://pic.twitter.com/zwVzLRbFOW", "https://pic.twitter.com/0RDJ9Lg69T", "https://pic.twitter.com/Ix5TEp187a"],
            citations.Select(c => c.GetProperty("shortLink").GetString()));
        Assert.Equal(
            ["jardemalie", "abdujalil", "AlexKokcharov", "Jake_Hanrahan", "ThomasVLinge"],
            citations.Select(c => c.GetProperty("embed").GetProperty("screenName").GetString()));
        Assert.Equal(
            ["2022-01-07", "2022-01-04", "2022-01-07", "2022-01-06", "2022-01-04"],
            citations.Select(c => c.GetProperty("embed").GetProperty("date").GetString()));
        Assert.All(citations, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("tweetId").ValueKind));
        Assert.All(citations, c => Assert.NotEmpty(c.GetProperty("occurrences").EnumerateArray()));
    }

    [Theory]
    [InlineData("{\"text\":\"see https://twitter.com/jack/status/20\"}")]
    [InlineData("{\"html\":\"<p><a href=\\\"https://twitter.com/jack/status/20?s=20\\\">tweet</a></p>\"}")]
    [InlineData("{\"markdown\":\"[the first tweet](https://x.com/jack/status/20)\"}")]
    public async Task PostExtract_JsonForms_FindTheTweet(string json)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var (status, body) = await Post(app, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, status);
        var citation = Assert.Single(body.RootElement.GetProperty("citations").EnumerateArray());
        Assert.Equal("20", citation.GetProperty("tweetId").GetString());
        Assert.Equal("https://x.com/jack/status/20", citation.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("text/html", "<blockquote><a href=\"https://x.com/jack/status/20\">x</a></blockquote>", "html")]
    [InlineData("text/markdown", "<https://x.com/jack/status/20>", "markdown")]
    [InlineData("text/plain; charset=utf-8", "x.com/jack/status/20", "text")]
    public async Task PostExtract_ContentTypes_ReadAsTheirFormat(string contentType, string article, string format)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(article));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var (status, body) = await Post(app, content);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(format, body.RootElement.GetProperty("format").GetString());
        Assert.Equal("20", Assert.Single(body.RootElement.GetProperty("citations").EnumerateArray()).GetProperty("tweetId").GetString());
    }

    [Fact]
    public async Task PostExtract_Windows1252Charset_Honoured()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var content = new ByteArrayContent(Encoding.GetEncoding(1252).GetBytes("Zitat von Müller — Jürgen Grün (@gruen) January 7, 2022"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=windows-1252");

        var (status, body) = await Post(app, content);

        Assert.Equal(HttpStatusCode.OK, status);
        var embed = Assert.Single(body.RootElement.GetProperty("citations").EnumerateArray()).GetProperty("embed");
        Assert.Equal("Jürgen Grün", embed.GetProperty("authorName").GetString());
    }

    [Fact]
    public async Task PostExtract_UnknownContentType_UnsupportedMediaType()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");

        var (status, body) = await Post(app, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("unsupported_media_type", ErrorCode(body));
        Assert.Equal("Content-Type 'application/pdf' is not accepted; send text/plain, text/html, text/markdown or application/json.",
            body.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostExtract_NoContentType_UnsupportedMediaType()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var content = new ByteArrayContent("x.com/a/status/1"u8.ToArray());

        var (status, body) = await Post(app, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("unsupported_media_type", ErrorCode(body));
    }

    [Fact]
    public async Task PostExtract_UnknownCharset_UnsupportedMediaType()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var content = new ByteArrayContent("x.com/a/status/1"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=klingon-8");

        var (status, body) = await Post(app, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("unsupported_charset", ErrorCode(body));
    }

    [Fact]
    public async Task PostExtract_BodyOverTheLimit_PayloadTooLarge()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Articles:MaxBodyBytes"] = "1024" });

        var (status, body) = await Post(app, new StringContent(new string('a', 1025), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("body_too_large", ErrorCode(body));
        Assert.Equal("The article is larger than the limit of 1024 bytes.", body.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostExtract_ChunkedBodyOverTheLimit_PayloadTooLarge()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Articles:MaxBodyBytes"] = "1024" });
        var content = new StreamContent(new MemoryStream(new byte[4096]));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/extract") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await app.Client().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostExtract_BodyAtTheLimit_Served()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Articles:MaxBodyBytes"] = "1024" });

        var (status, _) = await Post(app, new StringContent(new string('a', 1024), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("{\"text\": ", "malformed_json")]
    [InlineData("[1,2]", "invalid_article")]
    [InlineData("{\"text\": 5}", "invalid_article")]
    [InlineData("{}", "invalid_article")]
    [InlineData("{\"text\":\"a\",\"html\":\"b\"}", "invalid_article")]
    public async Task PostExtract_BadJson_BadRequest(string json, string code)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var (status, body) = await Post(app, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, ErrorCode(body));
    }

    [Fact]
    public async Task GetExtract_WrongMethod_MethodNotAllowedWithJsonError()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().GetAsync("/api/extract", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("method_not_allowed", ErrorCode(body));
    }

    [Fact]
    public async Task GetUnknownRoute_NotFoundWithJsonError()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().GetAsync("/api/nope", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("not_found", ErrorCode(body));
    }
}

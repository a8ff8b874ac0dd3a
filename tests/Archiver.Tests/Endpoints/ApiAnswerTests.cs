using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Archiver.Functions.Articles;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Endpoints;

/// <summary>The answers a new user and hostile input met (issue 13): each one a 4xx that says what to do, never a 500.</summary>
public sealed class ApiAnswerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Message(JsonElement body) => body.GetProperty("error").GetProperty("message").GetString()!;

    private static string Code(JsonElement body) => body.GetProperty("error").GetProperty("code").GetString()!;

    private static FakeTweet Tweet(string id) => new() { Id = id, Text = $"Tide table {id[^2..]}." };

    private static void Serve(ArchiveScenario s, FakeTweet tweet)
    {
        s.Upstream.AddTweet(tweet);
        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), FakeReply.GeneratedBytes(1_000), "image/jpeg");
    }

    /// <summary>Every blob of the scenario's container; none when the container is not even made yet.</summary>
    private static async Task<string[]> StoredAsync(ArchiveScenario s) =>
        await s.Container.ExistsAsync(Ct) ? await s.BlobNamesAsync("") : [];

    [Fact]
    public async Task ListTweets_ContinuationToken_PagesAndIsRefusedWithOtherFilters_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var first = Tweet("1313131313131313101");
        var second = Tweet("1313131313131313102");
        Serve(s, first);
        Serve(s, second);
        await s.ArchiveAsync($"{first.StatusUrl} and {second.StatusUrl}");

        var page1 = await s.GetJsonAsync("/api/tweets?pageSize=1");
        var token = page1.GetProperty("continuationToken").GetString()!;
        var page2 = await s.GetJsonAsync($"/api/tweets?pageSize=1&continuationToken={Uri.EscapeDataString(token)}");
        var otherFilter = await s.Client.GetAsync($"/api/tweets?pageSize=1&status=available&continuationToken={Uri.EscapeDataString(token)}", Ct);

        Assert.NotEqual(page1.GetProperty("tweets")[0].GetProperty("tweetId").GetString(), page2.GetProperty("tweets")[0].GetProperty("tweetId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, otherFilter.StatusCode);
        Assert.Equal(
            "continuationToken belongs to a listing with other filters; send the same status and changedSince as the page it came with.",
            Message(await ArchiveScenario.BodyAsync(otherFilter)));
    }

    [Theory]
    [InlineData("continuationToken=garbage")]
    [InlineData("continuationToken=Z2FyYmFnZQ.0123456789abcdef")]
    [InlineData("status=available&continuationToken=%2F%2F%2F")]
    public async Task ListTweets_TokenNotGivenOut_BadRequestWithoutAskingStorage_Issue13(string query)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().GetAsync($"/api/tweets?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("invalid_query", Code(body));
        Assert.Equal("continuationToken is not a token this listing gave out; start again without it.", Message(body));
    }

    [Fact]
    public async Task ListSubmissions_GarbageOrAnotherListingsToken_BadRequestWithoutAskingStorage_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var first = Tweet("1313131313131313121");
        var second = Tweet("1313131313131313122");
        Serve(s, first);
        Serve(s, second);
        await s.ArchiveAsync($"{first.StatusUrl} and {second.StatusUrl}");
        var tweetsToken = (await s.GetJsonAsync("/api/tweets?pageSize=1")).GetProperty("continuationToken").GetString()!;

        foreach (var token in new[] { "garbage", tweetsToken })
        {
            var response = await s.Client.GetAsync($"/api/submissions?continuationToken={Uri.EscapeDataString(token)}", Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("continuationToken is not a token this listing gave out; start again without it.", Message(await ArchiveScenario.BodyAsync(response)));
        }
    }

    [Fact]
    public async Task ListTweets_PagingParameterUnderAnotherName_BadRequestNamingTheParameters_Issue13()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().GetAsync("/api/tweets?continuation=abc", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "'continuation' is not a parameter of this listing; it takes status, changedSince, pageSize, continuationToken.",
            Message(await ArchiveScenario.BodyAsync(response)));
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF-7")]
    [InlineData("x-klingon")]
    public async Task Extract_CharsetNotDecoded_UnsupportedMediaTypeNamingAcceptedCharsets_Issue13(string charset)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var content = new ByteArrayContent("x.com/jack/status/20"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"text/plain; charset={charset}");

        var response = await app.Client().PostAsync("/api/extract", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("unsupported_charset", Code(body));
        Assert.Equal(
            $"The charset '{charset}' is not one this server decodes. Send UTF-8 (the default when no charset is given) or another charset such as " +
            "utf-16, utf-16be, utf-32, us-ascii, iso-8859-1, windows-1252, iso-8859-2, koi8-r, shift_jis, euc-jp, gb2312, big5, euc-kr.",
            Message(body));
    }

    [Fact]
    public async Task ArticleCharsets_EveryCharsetTheAnswerNames_Decodes_Issue13()
    {
        await using var app = await ArchiverApp.StartAsync(azurite); // registers the code pages, as the app does

        Assert.All(ArticleCharsets.Examples, charset => Assert.True(ArticleCharsets.TryGet(charset, out _), charset));
        Assert.False(ArticleCharsets.TryGet("utf-7", out _));
    }

    [Theory]
    [InlineData("/api/archive", "")]
    [InlineData("/api/archive", "  \n\t ")]
    [InlineData("/api/extract", "")]
    public async Task EmptyArticle_BadRequestAndNothingStored_Issue13(string path, string text)
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);

        var response = await s.Client.PostAsync(path, new StringContent(text, Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("empty_article", Code(body));
        Assert.Equal("The article is empty: send its text, HTML or Markdown in the body.", Message(body));
        Assert.Empty(await StoredAsync(s));
    }

    [Fact]
    public async Task Archive_TextWithoutCitations_OkCountZeroAndNothingStored_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);

        var (response, body) = await s.ArchiveAsync("An article about tides that cites no tweet at all.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("count").GetInt32());
        Assert.Equal("complete", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("citations").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("id").ValueKind);
        Assert.Empty(await StoredAsync(s));
        Assert.Empty(s.Upstream.Requests);
    }

    [Theory]
    [InlineData("{\"text\": 5}", "\"text\" must be a string holding the article; it is a number.")]
    [InlineData("{\"html\": [\"<p>\"]}", "\"html\" must be a string holding the article; it is an array.")]
    [InlineData("{\"markdown\": true}", "\"markdown\" must be a string holding the article; it is a boolean.")]
    [InlineData("[\"text\"]", "The JSON body must be an object such as {\"text\": \"…\"}; it is an array.")]
    [InlineData("{\"body\": \"x\"}", "The JSON body must hold exactly one of \"text\", \"html\", \"markdown\" or \"url\" as a string; it holds none.")]
    [InlineData("{\"text\": \"a\", \"html\": \"b\"}", "The JSON body must hold exactly one of \"text\", \"html\", \"markdown\" or \"url\" as a string; it holds \"text\" and \"html\".")]
    public async Task Extract_JsonOfTheWrongShape_BadRequestNamingTheMember_Issue13(string json, string message)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().PostAsync("/api/extract", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("invalid_article", Code(body));
        Assert.Equal(message, Message(body));
        Assert.DoesNotContain("System.", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Head_AnswersLikeGetWithoutABody_Issue13()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        using var client = app.Client();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health"), Ct);
        var get = await client.GetAsync("/api/health", Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Diff_TweetNeverCaptured_NotFoundSayingThereIsNothingToCompare_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        var tweet = Tweet("1313131313131313103");
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.ServerError(503));
        await s.ArchiveAsync(tweet.StatusUrl);

        var response = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/diff", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            $"Tweet {tweet.Id} has no captured version yet (status: pending), so there is nothing to compare.",
            Message(await ArchiveScenario.BodyAsync(response)));
    }

    [Fact]
    public async Task Archive_MoreCitationsThanTheDefaultCap_PayloadTooLargeAskingToSplitAndNothingFetched_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var article = string.Join("\n", Enumerable.Range(1, 501).Select(i => $"https://x.com/someone/status/{1_500_000_000_000_000_000L + i}"));

        var (response, body) = await s.ArchiveAsync(article);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_many_citations", Code(body));
        Assert.Equal("The article cites 501 tweets; one submission takes at most 500. Split the article and submit each part.", Message(body));
        Assert.Empty(s.Upstream.Requests);
        Assert.Empty(await StoredAsync(s));
    }

    [Fact]
    public async Task Archive_CapSetAsEnvironmentVariable_OneOverIsRefusedAtTheCapIsServed_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, EnvironmentSettings.Read(new Dictionary<string, string> { ["Archiver__Archive__MaxCitations"] = "2" }));
        var tweets = new[] { Tweet("1313131313131313111"), Tweet("1313131313131313112"), Tweet("1313131313131313113") };
        foreach (var tweet in tweets)
        {
            Serve(s, tweet);
        }

        var (over, overBody) = await s.ArchiveAsync(string.Join(" ", tweets.Select(t => t.StatusUrl)));
        var (atCap, atCapBody) = await s.ArchiveAsync(string.Join(" ", tweets.Take(2).Select(t => t.StatusUrl)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal("The article cites 3 tweets; one submission takes at most 2. Split the article and submit each part.", Message(overBody));
        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(2, atCapBody.GetProperty("count").GetInt32());
        Assert.DoesNotContain(s.Upstream.RequestsTo("cdn.syndication.twimg.com"), r => r.Url.Contains(tweets[2].Id, StringComparison.Ordinal));
    }
}

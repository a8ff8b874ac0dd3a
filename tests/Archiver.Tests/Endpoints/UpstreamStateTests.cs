using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Endpoints;

/// <summary>Issue 14: what the server knows of each upstream host, and why work is left pending, said in words.</summary>
public sealed class UpstreamStateTests(AzuriteFixture azurite)
{
    private const string Refused = "X's short-link service (t.co) could not be reached from this server: the connection was refused";

    [Fact]
    public async Task Archive_ShortLinkServiceUnreachable_PendingWithTheReasonAndTheNextAttempt_14()
    {
        // ArchiverApp maps every X host to a closed local port: as good as X being out of reach.
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        using var client = app.Client();

        var response = await client.PostAsync("/api/archive", new StringContent("Seen at pic.twitter.com/rtVCutBtcO today.", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        var citation = body.GetProperty("citations")[0];
        Assert.Equal("pending", citation.GetProperty("outcome").GetString());
        Assert.Equal(Refused, citation.GetProperty("error").GetString());
        Assert.True(citation.GetProperty("nextAttemptAt").GetDateTimeOffset() > body.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(1, body.GetProperty("counts").GetProperty("pending").GetInt32());

        var health = await GetHealthAsync(client);
        var tco = Host(health, "t.co");
        Assert.Equal("unreachable", tco.GetProperty("state").GetString());
        Assert.Equal(Refused, tco.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, tco.GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal("unknown", Host(health, "cdn.syndication.twimg.com").GetProperty("state").GetString());
    }

    [Fact]
    public async Task GetHealth_SyndicationAnswers429_RateLimitedUntilItsRetryAfter_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        const string id = "1777777777777777140";
        s.Upstream.Syndication(id).Always(FakeReply.TooManyRequests(TimeSpan.FromMinutes(10)));
        s.Upstream.OEmbed(id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(id).Always(FakeReply.ServerError(503));

        var (response, body) = await s.ArchiveAsync($"x.com/quay_notes/status/{id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var health = await GetHealthAsync(s.Client);
        var syndication = Host(health, "cdn.syndication.twimg.com");
        Assert.Equal("rate_limited", syndication.GetProperty("state").GetString());
        Assert.True(syndication.GetProperty("rateLimitedUntil").GetDateTimeOffset() > body.GetProperty("receivedAt").GetDateTimeOffset().AddMinutes(9));
        Assert.Equal("X's syndication service (cdn.syndication.twimg.com) is rate-limiting this server (HTTP 429) for 10 min", syndication.GetProperty("lastError").GetString());
        var oEmbed = Host(health, "publish.x.com");
        Assert.Equal("unreachable", oEmbed.GetProperty("state").GetString());
        Assert.Equal("X's embed service (publish.x.com) had a server error (HTTP 503)", oEmbed.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task GetHealth_UpstreamAnswered_ReachableWithItsLastSuccess_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        s.Upstream.AddShortLink("Zq9aXy1", "https://example.com/elsewhere");

        var (response, _) = await s.ArchiveAsync("Read t.co/Zq9aXy1 first.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tco = Host(await GetHealthAsync(s.Client), "t.co");
        Assert.Equal("reachable", tco.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, tco.GetProperty("lastSuccessAt").ValueKind);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("secret", true)]
    public async Task GetHealth_ApiKeySetOrNot_SaysWhetherAKeyIsWanted_14(string? key, bool wanted)
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:ApiKey"] = key });
        using var client = app.Client();

        Assert.Equal(wanted, (await GetHealthAsync(client)).GetProperty("keyRequired").GetBoolean());
    }

    [Fact]
    public async Task Recheck_UpstreamDown_AnswersTheCheckOutcomeAndItsReason_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777141", Text = "Harbour crane repaired at last.", ScreenName = "quay_notes", Name = "Quay Notes" });
        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), FakeReply.GeneratedBytes(3_000), "image/jpeg");
        var (archived, _) = await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.ConnectionReset);
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.ServerError(502));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.ServerError(502));

        var response = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        var check = body.GetProperty("check");
        Assert.Equal("pending", check.GetProperty("outcome").GetString());
        var error = check.GetProperty("error").GetString()!;
        Assert.Contains("X's syndication service (cdn.syndication.twimg.com) could not be reached from this server", error, StringComparison.Ordinal);
        Assert.Contains("X's embed service (publish.x.com): HTTP 502", error, StringComparison.Ordinal);
        Assert.Equal(error, body.GetProperty("lastError").GetString());
        Assert.Equal(body.GetProperty("nextCheckAt").GetDateTimeOffset(), check.GetProperty("nextCheckAt").GetDateTimeOffset());
        Assert.Equal("available", body.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> GetHealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ArchiveScenario.BodyAsync(response);
    }

    private static JsonElement Host(JsonElement health, string host) =>
        health.GetProperty("upstream").EnumerateArray().Single(h => h.GetProperty("host").GetString() == host);
}

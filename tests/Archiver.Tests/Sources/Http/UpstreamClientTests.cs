using System.Diagnostics;
using System.Security.Cryptography;
using Archiver.Sources;
using Archiver.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Sources.Http;

public sealed class UpstreamClientTests
{
    private const string Id = "1777777777777777777";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Syndication(string id = Id) => TweetFetcher.SyndicationUrl(id);

    [Fact]
    public async Task GetAsync_SyndicationUrl_SendsComputedToken()
    {
        // A vector from the reference (section 1.2): computed by Node.js for this fictional id.
        const string id = "1234567890123456789";
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = id });

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(id), null, Ct);

        Assert.Equal(200, exchange.Status);
        var request = Assert.Single(upstream.Fake.RequestsTo("cdn.syndication.twimg.com"));
        Assert.Equal($"/tweet-result?id={id}&lang=en&token=2zqic77uqyk", request.PathAndQuery);
        Assert.Equal("2zqic77uqyk", SyndicationToken.Compute(id));
    }

    [Fact]
    public async Task GetAsync_AnyHost_SendsNonBrowserUserAgent()
    {
        await using var upstream = await UpstreamHarness.StartAsync();

        await upstream.Client.GetAsync("fxtwitter", TweetFetcher.FxTwitterUrl(Id), null, Ct);

        var request = Assert.Single(upstream.Fake.Requests);
        Assert.Equal(UpstreamOptions.DefaultUserAgent, request.UserAgent);
        Assert.DoesNotContain("Mozilla", request.UserAgent, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://example.org/tweet-result?id=1")]
    [InlineData("http://127.0.0.1/tweet-result?id=1")]
    [InlineData("https://cdn.syndication.twimg.com.evil.example/tweet-result?id=1")]
    [InlineData("https://t.co:8443/abc")]
    public async Task GetAsync_HostNotAllowed_RefusedWithoutAnyRequest(string url)
    {
        await using var upstream = await UpstreamHarness.StartAsync();

        var exchange = await upstream.Client.GetAsync("syndication", new Uri(url), null, Ct);

        Assert.Null(exchange.Status);
        Assert.True(exchange.Body.IsEmpty);
        Assert.Empty(upstream.Fake.Requests);
    }

    [Fact]
    public async Task GetAsync_MappedHost_EvidenceKeepsRealUrl()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        var real = Syndication();

        var exchange = await upstream.Client.GetAsync("syndication", real, null, Ct);

        Assert.Equal(real.AbsoluteUri, exchange.Url);
        Assert.DoesNotContain("127.0.0.1", exchange.Url, StringComparison.Ordinal);
        Assert.Equal("cdn.syndication.twimg.com", Assert.Single(upstream.Fake.Requests).Host);
        Assert.Equal("syndication", exchange.Endpoint);
        Assert.StartsWith("application/json", exchange.ContentType, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(exchange.Body.Span)), exchange.Sha256);
    }

    [Fact]
    public async Task GetAsync_BodyOverCap_CutAndMarkedTruncated()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?> { ["Archiver:Upstream:MaxJsonBytes"] = "2048" });
        var body = new string('a', 5000);
        upstream.Fake.Syndication(Id).Always(FakeReply.Json($"{{\"text\":\"{body}\"}}"));

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Equal(200, exchange.Status);
        Assert.True(exchange.Truncated);
        Assert.Equal(2048, exchange.Body.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(exchange.Body.Span)), exchange.Sha256);
    }

    [Fact]
    public async Task GetAsync_TooManyRequestsWithRetryAfter_WaitsThenSucceeds()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Then(FakeReply.TooManyRequests(TimeSpan.FromSeconds(1)));

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Equal(200, exchange.Status);
        var requests = upstream.Fake.RequestsTo("cdn.syndication.twimg.com");
        Assert.Equal(2, requests.Count);
        // The base backoff is 5 ms in tests: only Retry-After explains a wait of about a second.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"waited {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task GetAsync_RetryAfterBeyondMaxRetryAfter_FailsWithoutWaiting()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Then(FakeReply.TooManyRequests(TimeSpan.FromMinutes(2)));
        var clock = Stopwatch.StartNew();

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Equal(429, exchange.Status);
        Assert.Single(upstream.Fake.RequestsTo("cdn.syndication.twimg.com"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task GetAsync_ServiceUnavailableTwice_RetriedThenOk()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Then(FakeReply.ServerError(503), times: 2);

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Equal(200, exchange.Status);
        Assert.Equal(3, upstream.Fake.RequestsTo("cdn.syndication.twimg.com").Count);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(401)]
    [InlineData(400)]
    public async Task GetAsync_ClientErrorStatus_NotRetried(int status)
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.Syndication(Id).Always(FakeReply.Json("""{"error":"no"}""", status));

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Equal(status, exchange.Status);
        Assert.Single(upstream.Fake.RequestsTo("cdn.syndication.twimg.com"));
    }

    [Fact]
    public async Task GetAsync_SlowerThanAttemptTimeout_NoStatusAndEmptyBody()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Archiver:Upstream:AttemptTimeout"] = "00:00:00.200",
            ["Archiver:Upstream:TotalTimeout"] = "00:00:05",
            ["Archiver:Upstream:MaxRetries"] = "1",
        });
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Always(FakeReply.Json("{}").After(TimeSpan.FromSeconds(30)));

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Null(exchange.Status);
        Assert.True(exchange.Body.IsEmpty);
        Assert.Equal(2, upstream.Fake.RequestsTo("cdn.syndication.twimg.com").Count);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetEveryTime_NoStatus()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "2" });
        upstream.Fake.Syndication(Id).Always(FakeReply.ConnectionReset);

        var exchange = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);

        Assert.Null(exchange.Status);
        Assert.Equal(3, upstream.Fake.RequestsTo("cdn.syndication.twimg.com").Count);
    }

    [Fact]
    public async Task GetAsync_OneHostFailingRepeatedly_OpensItsCircuitOnly()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Archiver:Upstream:MaxRetries"] = "0",
            ["Archiver:Upstream:BreakerMinimumThroughput"] = "2",
            ["Archiver:Upstream:BreakerFailureRatio"] = "0.5",
            ["Archiver:Upstream:BreakerBreakDuration"] = "00:05:00",
        });
        var other = new FakeTweet { Id = "1888888888888888888" };
        upstream.Fake.AddTweet(other);
        upstream.Fake.Syndication(Id).Always(FakeReply.ServerError(503));

        var first = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);
        var second = await upstream.Client.GetAsync("syndication", Syndication(), null, Ct);
        var third = await upstream.Client.GetAsync("syndication", Syndication(other.Id), null, Ct);
        var elsewhere = await upstream.Client.GetAsync("fxtwitter", TweetFetcher.FxTwitterUrl(other.Id), null, Ct);

        Assert.Equal(503, first.Status);
        Assert.Equal(503, second.Status);
        Assert.Null(third.Status);
        Assert.Equal(2, upstream.Fake.RequestsTo("cdn.syndication.twimg.com").Count);
        Assert.Equal(200, elsewhere.Status);
        Assert.Single(upstream.Fake.RequestsTo("api.fxtwitter.com"));
    }

    [Fact]
    public async Task AddSources_HostMapForHostOffTheAllowList_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            UpstreamHarness.StartAsync(new Dictionary<string, string?> { ["Archiver:Upstream:HostMap:example.org"] = "http://127.0.0.1:1/" }));

        Assert.Contains("Archiver:Upstream:HostMap:example.org names a host that is not on the upstream allow-list.", error.Failures);
    }

    [Fact]
    public async Task GetAsync_MoreThanTheRateAllowsWithNoQueue_ExtraRequestsNeverSentAndOtherHostsUnaffected()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Archiver:Upstream:MaxRetries"] = "0",
            ["Archiver:Upstream:RequestsPerSecondPerHost"] = "2",
            ["Archiver:Upstream:MaxQueuedPerHost"] = "0",
        });
        var tweet = new FakeTweet { Id = "1888888888888888888" };
        upstream.Fake.AddTweet(tweet);

        var burst = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => upstream.Client.GetAsync("syndication", Syndication(tweet.Id), null, Ct)));
        var elsewhere = await upstream.Client.GetAsync("fxtwitter", TweetFetcher.FxTwitterUrl(tweet.Id), null, Ct);

        Assert.InRange(burst.Count(e => e.Status == 200), 2, 3);
        Assert.Equal(burst.Count(e => e.Status == 200), upstream.Fake.RequestsTo("cdn.syndication.twimg.com").Count);
        Assert.All(burst.Where(e => e.Status != 200), e => Assert.Null(e.Status));
        Assert.Equal(200, elsewhere.Status);
    }
}

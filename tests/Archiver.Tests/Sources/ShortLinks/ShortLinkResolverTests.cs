using Archiver.Sources;
using Archiver.Tests.Fakes;

namespace Archiver.Tests.Sources.Http;

public sealed class ShortLinkResolverTests
{
    private const string Id = "1777777777777777777";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_PicTwitterMediaLink_FollowsTwitterToXChainAndReadsIdAndHandle()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddShortLink("Zr8VbT4kYc", $"https://twitter.com/harbour_desk/status/{Id}/photo/1");

        var resolution = await upstream.Resolver.ResolveAsync("pic.twitter.com/Zr8VbT4kYc", Ct);

        Assert.Equal(ShortLinkStatus.Tweet, resolution.Status);
        Assert.Equal($"https://x.com/harbour_desk/status/{Id}/photo/1", resolution.FinalUrl?.AbsoluteUri);
        Assert.Equal(Id, resolution.TweetId);
        Assert.Equal("harbour_desk", resolution.ScreenName);
        Assert.True(resolution.IsMediaLink);
        Assert.Equal("photo", resolution.MediaType);
        Assert.Equal(1, resolution.MediaIndex);
        Assert.Equal(
            ["https://t.co/Zr8VbT4kYc", $"https://twitter.com/harbour_desk/status/{Id}/photo/1"],
            resolution.Hops.Select(h => h.Url));
        Assert.All(resolution.Hops, hop => Assert.Equal(301, hop.Status));
        Assert.Empty(upstream.Fake.RequestsTo("x.com"));
        Assert.All(upstream.Fake.Requests, r => Assert.Equal(UpstreamOptions.DefaultUserAgent, r.UserAgent));
    }

    [Theory]
    [InlineData("https://t.co/Vd3KpQ9sLm")]
    [InlineData("t.co/Vd3KpQ9sLm")]
    [InlineData("https://pic.x.com/Vd3KpQ9sLm")]
    public async Task ResolveAsync_AnyShortLinkForm_AskedThroughTCo(string shortLink)
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddShortLink("Vd3KpQ9sLm", "https://x.com/orbit_notes/status/2056000000000000001/video/2");

        var resolution = await upstream.Resolver.ResolveAsync(shortLink, Ct);

        Assert.Equal(ShortLinkStatus.Tweet, resolution.Status);
        Assert.Equal("2056000000000000001", resolution.TweetId);
        Assert.Equal("orbit_notes", resolution.ScreenName);
        Assert.Equal("video", resolution.MediaType);
        Assert.Equal(2, resolution.MediaIndex);
        Assert.Equal("/Vd3KpQ9sLm", Assert.Single(upstream.Fake.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ResolveAsync_MetaRefreshPage_ReadsItsTarget()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.ShortLink("Qx7LmN2pAa").Always(FakeReply.MetaRefresh($"https://x.com/i/web/status/{Id}"));

        var resolution = await upstream.Resolver.ResolveAsync("https://t.co/Qx7LmN2pAa", Ct);

        Assert.Equal(ShortLinkStatus.Tweet, resolution.Status);
        Assert.Equal(Id, resolution.TweetId);
        Assert.Null(resolution.ScreenName);
        Assert.False(resolution.IsMediaLink);
        Assert.Equal(200, Assert.Single(resolution.Hops).Status);
    }

    [Fact]
    public async Task ResolveAsync_UnsafeLinkInterstitial_UnwrappedWithoutFetchingIt()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddShortLink("Ab12Cd34Ef", "https://twitter.com/safety/unsafe_link_warning?unsafe_link=https%3A%2F%2Fexample.org%2Fodd%3Fa%3D1");

        var resolution = await upstream.Resolver.ResolveAsync("https://t.co/Ab12Cd34Ef", Ct);

        Assert.Equal(ShortLinkStatus.NotATweet, resolution.Status);
        Assert.True(resolution.UnsafeLinkWarning);
        Assert.Equal("https://example.org/odd?a=1", resolution.FinalUrl?.AbsoluteUri);
        Assert.Equal("t.co", Assert.Single(upstream.Fake.Requests).Host);
    }

    [Fact]
    public async Task ResolveAsync_UnsafeLinkToAStatus_IsATweet()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddShortLink("Ab12Cd34Eg", $"https://x.com/safety/unsafe_link_warning?unsafe_link=https%3A%2F%2Fx.com%2Fharbour_desk%2Fstatus%2F{Id}");

        var resolution = await upstream.Resolver.ResolveAsync("t.co/Ab12Cd34Eg", Ct);

        Assert.Equal(ShortLinkStatus.Tweet, resolution.Status);
        Assert.True(resolution.UnsafeLinkWarning);
        Assert.Equal(Id, resolution.TweetId);
    }

    [Fact]
    public async Task ResolveAsync_RedirectLoop_StopsAtHopLimit()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddShortLink("LoopA", "https://t.co/LoopB");
        upstream.Fake.AddShortLink("LoopB", "https://t.co/LoopA");

        var resolution = await upstream.Resolver.ResolveAsync("https://t.co/LoopA", Ct);

        Assert.Equal(ShortLinkStatus.TooManyRedirects, resolution.Status);
        Assert.Equal(6, resolution.Hops.Count);
        Assert.Equal(6, upstream.Fake.Requests.Count);
        Assert.Equal("More than 5 redirects from t.co/LoopA.", resolution.Error);
    }

    [Theory]
    [InlineData("https://example.org/articles/tides")]
    [InlineData("http://127.0.0.1:1/admin")]
    [InlineData("https://x.com/harbour_desk")]
    public async Task ResolveAsync_TargetNotAStatus_ReportedAndNotFetched(string target)
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddShortLink("Qx7LmN2pAa", target);

        var resolution = await upstream.Resolver.ResolveAsync("https://t.co/Qx7LmN2pAa", Ct);

        Assert.Equal(ShortLinkStatus.NotATweet, resolution.Status);
        Assert.Equal(new Uri(target), resolution.FinalUrl);
        Assert.Null(resolution.TweetId);
        Assert.Equal("t.co", Assert.Single(upstream.Fake.Requests).Host);
    }

    [Fact]
    public async Task ResolveAsync_UnknownCode_ReportedAsUnknown()
    {
        await using var upstream = await UpstreamHarness.StartAsync();

        var resolution = await upstream.Resolver.ResolveAsync("https://t.co/NoSuchCode", Ct);

        Assert.Equal(ShortLinkStatus.UnknownCode, resolution.Status);
        Assert.Equal(404, Assert.Single(resolution.Hops).Status);
        Assert.False(resolution.IsTransient);
    }

    [Fact]
    public async Task ResolveAsync_TCoUnavailable_Transient()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "1" });
        upstream.Fake.ShortLink("Qx7LmN2pAa").Always(FakeReply.ServerError(503));

        var resolution = await upstream.Resolver.ResolveAsync("https://t.co/Qx7LmN2pAa", Ct);

        Assert.Equal(ShortLinkStatus.Transient, resolution.Status);
        Assert.True(resolution.IsTransient);
    }

    [Theory]
    [InlineData("https://example.org/Qx7LmN2pAa")]
    [InlineData("https://t.co/")]
    [InlineData("https://t.co/abc/def")]
    [InlineData("not a link")]
    public async Task ResolveAsync_NotAShortLink_InvalidWithoutAnyRequest(string input)
    {
        await using var upstream = await UpstreamHarness.StartAsync();

        var resolution = await upstream.Resolver.ResolveAsync(input, Ct);

        Assert.Equal(ShortLinkStatus.Invalid, resolution.Status);
        Assert.Empty(upstream.Fake.Requests);
    }
}

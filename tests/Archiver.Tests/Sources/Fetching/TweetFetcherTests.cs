using Archiver.Sources;
using Archiver.Tests.Fakes;

namespace Archiver.Tests.Sources.Http;

public sealed class TweetFetcherTests
{
    private const string Id = "1777777777777777777";

    private const string Deleted = "This Post was deleted by the Post author. Learn more";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> OneRetry = new() { ["Archiver:Upstream:MaxRetries"] = "1" };

    [Fact]
    public async Task FetchAsync_SyndicationFindsTweet_KeepsOEmbedBlockquoteAndSkipsFxTwitter()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id, Photos = [new FakePhoto("GKtQ3bWXsAAm9Pz")] });

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.NotNull(report.Tweet);
        Assert.Equal(Id, report.Tweet.Id);
        Assert.Equal("harbour_desk", report.Tweet.Author?.ScreenName);
        Assert.Contains("<blockquote class=\"twitter-tweet\"", report.EmbedHtml, StringComparison.Ordinal);
        Assert.Equal(["syndication", "oembed"], report.Outcomes.Select(o => o.Source));
        Assert.All(report.Outcomes, o => Assert.IsType<TweetFound>(o));
        Assert.Equal("syndication", report.SuppliedBy["tweet"]);
        Assert.Equal("oembed", report.SuppliedBy["embedHtml"]);
        Assert.Null(report.Unavailable);
        Assert.False(report.Transient);
        Assert.Empty(upstream.Fake.RequestsTo("api.fxtwitter.com"));
    }

    [Fact]
    public async Task FetchAsync_OEmbedRedirectsToX_FollowedAndBothHopsKeptAsEvidenceWithTheTarget()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        var oEmbed = report.Outcomes.Single(o => o.Source == "oembed");
        Assert.Equal([301, 200], oEmbed.Evidence.Select(e => e.Status));
        Assert.StartsWith("https://publish.twitter.com/oembed?url=https%3A%2F%2Ftwitter.com%2Fi%2Fstatus%2F" + Id, oEmbed.Evidence[0].Url, StringComparison.Ordinal);
        Assert.StartsWith("https://publish.x.com/oembed?", oEmbed.Evidence[1].Url, StringComparison.Ordinal);
        Assert.Equal(oEmbed.Evidence[1].Url, oEmbed.Evidence[0].Location);
        Assert.Null(oEmbed.Evidence[1].Location);
        Assert.Contains("omit_script=1", oEmbed.Evidence[0].Url, StringComparison.Ordinal);
        Assert.Contains("dnt=true", oEmbed.Evidence[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_SyndicationEmptyObject_FxTwitterSuppliesTheTweet()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Always(FakeReply.EmptyObject);

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.Equal(["syndication", "oembed", "fxtwitter"], report.Outcomes.Select(o => o.Source));
        Assert.IsType<SourceFailed>(report.Outcomes[0]);
        Assert.Equal("fxtwitter", report.SuppliedBy["tweet"]);
        Assert.Equal(Id, report.Tweet?.Id);
        Assert.Null(report.Unavailable);
        Assert.False(report.Transient);
    }

    [Fact]
    public async Task FetchAsync_SyndicationWithoutUser_AuthorFilledFromFxTwitter()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.AddTweet(new FakeTweet { Id = Id, WithoutUser = true });

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.Equal("syndication", report.SuppliedBy["tweet"]);
        Assert.Equal("fxtwitter", report.SuppliedBy["author"]);
        Assert.Equal("harbour_desk", report.Tweet?.Author?.ScreenName);
        Assert.Single(upstream.Fake.RequestsTo("api.fxtwitter.com"));
    }

    [Fact]
    public async Task FetchAsync_TombstoneAndFxTwitterNotFound_Unavailable()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.Syndication(Id).Always(FakeReply.Json(FakePayloads.Tombstone(Deleted)));

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.Null(report.Tweet);
        Assert.Equal(Unavailability.Deleted, report.Unavailable);
        Assert.False(report.Transient);
        Assert.Equal(["syndication", "oembed", "fxtwitter"], report.Outcomes.Select(o => o.Source));
        Assert.All(report.Outcomes, o => Assert.IsType<TweetUnavailable>(o));
    }

    [Fact]
    public async Task FetchAsync_ServerErrorsEverywhere_TransientAndNeverUnavailable()
    {
        await using var upstream = await UpstreamHarness.StartAsync(OneRetry);
        upstream.Fake.Syndication(Id).Always(FakeReply.ServerError(503));
        upstream.Fake.OEmbed(Id).Always(FakeReply.ServerError(503));
        upstream.Fake.FxTwitter(Id).Always(FakeReply.Json(FakePayloads.FxTwitterError(500, "API_FAIL"), 500));

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.True(report.Transient);
        Assert.Null(report.Unavailable);
        Assert.Null(report.Tweet);
        Assert.All(report.Outcomes, o => Assert.IsType<SourceFailed>(o));
        Assert.Equal(2, upstream.Fake.RequestsTo("api.fxtwitter.com").Count);
    }

    [Fact]
    public async Task FetchAsync_HtmlWhereJsonExpected_TransientNotDeleted()
    {
        await using var upstream = await UpstreamHarness.StartAsync();
        upstream.Fake.Syndication(Id).Always(FakeReply.BlockedHtml);
        upstream.Fake.OEmbed(Id).Always(FakeReply.BlockedHtml);
        upstream.Fake.FxTwitter(Id).Always(FakeReply.BlockedHtml);

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.True(report.Transient);
        Assert.Null(report.Unavailable);
        Assert.All(report.Outcomes, o => Assert.IsType<SourceFailed>(o));
    }

    [Fact]
    public async Task FetchAsync_SyndicationTimesOutButOthersAnswer_FoundThroughFxTwitter()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Archiver:Upstream:AttemptTimeout"] = "00:00:00.200",
            ["Archiver:Upstream:MaxRetries"] = "0",
        });
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Always(FakeReply.EmptyObject.After(TimeSpan.FromSeconds(30)));

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        var syndication = Assert.IsType<SourceFailed>(report.Outcomes[0]);
        Assert.Null(Assert.Single(syndication.Evidence).Status);
        Assert.Equal("fxtwitter", report.SuppliedBy["tweet"]);
    }

    [Fact]
    public async Task FetchAsync_FxTwitterDisabled_NeverAsked()
    {
        await using var upstream = await UpstreamHarness.StartAsync(new Dictionary<string, string?> { ["Archiver:Upstream:FxTwitterEnabled"] = "false" });
        upstream.Fake.AddTweet(new FakeTweet { Id = Id });
        upstream.Fake.Syndication(Id).Always(FakeReply.EmptyObject);

        var report = await upstream.Fetcher.FetchAsync(Id, Ct);

        Assert.Equal(["syndication", "oembed"], report.Outcomes.Select(o => o.Source));
        Assert.Equal("oembed", report.SuppliedBy["tweet"]);
        Assert.Empty(upstream.Fake.RequestsTo("api.fxtwitter.com"));
    }
}

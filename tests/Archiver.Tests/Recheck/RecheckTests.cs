using System.Net;
using System.Text.Json;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Recheck;

/// <summary>RecheckLinks and the re-check API, on Azurite with the fake upstream and a clock the test moves.</summary>
public sealed class RecheckTests(AzuriteFixture azurite)
{
    private static FakeTweet Tweet(string id = "1777777777777777777", string text = "Night ferry cancelled because of the storm warning.") => new()
    {
        Id = id,
        Text = text,
        ScreenName = "quay_notes",
        Name = "Quay Notes",
    };

    private static string Status(JsonElement tweet) => tweet.GetProperty("status").GetString()!;

    [Fact]
    public async Task Recheck_TweetDeleted_ConcludedOnlyAfterTwoChecksAnHourApart()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(Tweet());
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        s.Delete(tweet.Id);

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        var afterFirst = await s.TweetAsync(tweet.Id);
        await s.RunTimerAfterAsync(TimeSpan.FromMinutes(30));
        var tooSoon = await s.TweetAsync(tweet.Id);
        await s.RunTimerAfterAsync(TimeSpan.FromMinutes(31));
        var afterSecond = await s.TweetAsync(tweet.Id);

        Assert.Equal("available", Status(afterFirst));
        Assert.Equal(1, afterFirst.GetProperty("suspect").GetProperty("checks").GetInt32());
        Assert.Equal("available", Status(tooSoon));
        Assert.Equal("deleted", Status(afterSecond));
        var change = afterSecond.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("deleted", change.GetProperty("status").GetString());
        Assert.Equal("syndication", change.GetProperty("source").GetString());
        Assert.Contains("deleted by the Post author", change.GetProperty("wording").GetString());
        Assert.Matches("^[0-9a-f]{64}$", change.GetProperty("evidenceSha256").GetString());
    }

    [Fact]
    public async Task Recheck_RateLimitStormAndOutage_NeverChangeTheStatus()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(Tweet());
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        var historyBefore = (await s.TweetAsync(tweet.Id)).GetProperty("history").GetArrayLength();
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.TooManyRequests(TimeSpan.FromSeconds(900)));
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.BlockedHtml);

        for (var i = 0; i < 4; i++)
        {
            await s.RunTimerAfterAsync(TimeSpan.FromHours(2));
        }

        var after = await s.TweetAsync(tweet.Id);
        Assert.Equal("available", Status(after));
        Assert.Equal(historyBefore, after.GetProperty("history").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("suspect").ValueKind);
        Assert.True(s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count >= 5);
    }

    [Fact]
    public async Task Recheck_CountersOnlyChanged_NoNewVersionButCountsLogged()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(Tweet());
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        s.Upstream.AddTweet(tweet with { Likes = 90_000, Replies = 1_234 });

        var logs = await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        Assert.Contains(logs, l => l.Contains("1 tweet(s) due; checked 1", StringComparison.Ordinal));
        Assert.Equal(1, after.GetProperty("versions").GetArrayLength());
        Assert.Equal(90_000, after.GetProperty("lastCounts").GetProperty("likes").GetInt64());
        var log = await s.App.Services.GetRequiredService<Archiver.Archive.CheckLog>().ReadAsync(tweet.Id, TestContext.Current.CancellationToken);
        Assert.Equal([412L, 90_000L], log.Select(e => e.Counts!.Likes!.Value));
    }

    [Fact]
    public async Task Recheck_TextEdited_NewVersionAndDiff()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(Tweet(text: "The east bridge is closed tonight."));
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        s.Upstream.AddTweet(tweet with { Text = "The east bridge is open tonight." });

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        Assert.Equal(2, after.GetProperty("versions").GetArrayLength());
        Assert.Equal("The east bridge is open tonight.", after.GetProperty("latest").GetProperty("tweet").GetProperty("text").GetString());
        var diffResponse = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/diff", TestContext.Current.CancellationToken);
        var diff = await ArchiveScenario.BodyAsync(diffResponse);
        Assert.True(diff.GetProperty("changed").GetBoolean());
        var runs = diff.GetProperty("text").GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["closed"], runs.Where(r => r.GetProperty("op").GetString() == "deleted").Select(r => r.GetProperty("text").GetString()!.Trim()));
        Assert.Equal(["open"], runs.Where(r => r.GetProperty("op").GetString() == "inserted").Select(r => r.GetProperty("text").GetString()!.Trim()));
        // Back to the first interval after a change.
        Assert.Equal(RecheckScenario.Start + TimeSpan.FromHours(2), after.GetProperty("nextCheckAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Recheck_EditChain_NewestEditArchivedAndLinkedBothWays()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var original = s.Upstream.AddTweet(Tweet("1777777777777777777", "Ferry at 9."));
        await s.ArchiveAsync($"x.com/quay_notes/status/{original.Id}");
        var edited = s.Upstream.AddTweet(Tweet("1777777777777777999", "Ferry at 10.") with { EditTweetIds = ["1777777777777777777", "1777777777777777999"] });
        s.Upstream.AddTweet(original with { EditTweetIds = ["1777777777777777777", "1777777777777777999"] });

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var first = await s.TweetAsync(original.Id);
        var newest = await s.TweetAsync(edited.Id);
        Assert.Equal([original.Id, edited.Id], first.GetProperty("editChain").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([original.Id, edited.Id], newest.GetProperty("editChain").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Ferry at 10.", newest.GetProperty("latest").GetProperty("tweet").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Recheck_DeletedTweetComesBack_Restored()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(Tweet());
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        s.Delete(tweet.Id);
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        Assert.Equal("deleted", Status(await s.TweetAsync(tweet.Id)));
        s.Restore(tweet);

        var response = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("restored", Status(after));
        Assert.Equal(["available", "deleted", "restored"], after.GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("status").GetString()).Where(x => x != "unavailable"));
        Assert.Equal(1, after.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task RecheckTweet_NotArchived_NotFound()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);

        var response = await s.Client.PostAsync("/api/tweets/42/recheck", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RecheckLinks_TwoRunsAtOnce_EachTweetCheckedOnce()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var ids = Enumerable.Range(0, 6).Select(i => $"17777777777777770{i:00}").ToArray();
        foreach (var id in ids)
        {
            s.Upstream.AddTweet(Tweet(id));
        }

        await s.ArchiveAsync(string.Join(" ", ids.Select(id => $"x.com/quay_notes/status/{id}")));
        var before = s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count;
        s.Time.Advance(TimeSpan.FromHours(1));

        var runs = await Task.WhenAll(s.RunTimerAfterAsync(TimeSpan.Zero), s.RunTimerAfterAsync(TimeSpan.Zero));

        var checks = s.Upstream.RequestsTo("cdn.syndication.twimg.com").Skip(before).GroupBy(r => r.PathAndQuery).ToArray();
        Assert.Equal(ids.Length, checks.Length);
        Assert.All(checks, g => Assert.Single(g));
        Assert.All(runs, logs => Assert.Contains(logs, l => l.Contains("6 tweet(s) due", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListTweets_DeletedChangedSince_OnlyRecentlyDeleted()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var kept = s.Upstream.AddTweet(Tweet("1777777777777777701"));
        var gone = s.Upstream.AddTweet(Tweet("1777777777777777702"));
        await s.ArchiveAsync($"x.com/quay_notes/status/{kept.Id} x.com/quay_notes/status/{gone.Id}");
        s.Delete(gone.Id);
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var recent = await ArchiveScenario.BodyAsync(await s.Client.GetAsync("/api/tweets?status=deleted&changedSince=2026-11-25T10:30:00Z", TestContext.Current.CancellationToken));
        var later = await ArchiveScenario.BodyAsync(await s.Client.GetAsync("/api/tweets?status=deleted&changedSince=2026-11-25T12:00:00Z", TestContext.Current.CancellationToken));
        var bad = await s.Client.GetAsync("/api/tweets?changedSince=yesterday", TestContext.Current.CancellationToken);

        Assert.Equal(gone.Id, Assert.Single(recent.GetProperty("tweets").EnumerateArray()).GetProperty("tweetId").GetString());
        Assert.Empty(later.GetProperty("tweets").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Archiver.Tests.Browser;

/// <summary>
/// Issue 14 in a real browser: the page says what is happening (steps as they happen, why work waits and until when,
/// a banner while X is out of reach), lists submissions from the server, and takes an article's address.
/// </summary>
public sealed class AppProgressBrowserTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] AvatarPng = TestImages.Png(96, 96, (40, 70, 120), (150, 190, 230));

    [Fact]
    public async Task ArchiveView_SlowUpstream_StepsAppearInOrder_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = ServeTweet(s, "1777777777777777151", "Hb7LiGhTs2");
        // Slow and failing once: the first syndication attempt waits, then answers 503; the retry succeeds.
        s.Upstream.Syndication(tweet.Id).Then(FakeReply.ServerError(503).After(TimeSpan.FromSeconds(2)));
        await using var app = await browser.OpenAsync(s.App.Address, width: 1000);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"The quay at night: pic.twitter.com/{tweet.MediaCode}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        var steps = app.Page.Locator(".citation ol.steps li");
        await Expect(steps.Last).ToHaveTextAsync("Fetching from syndication (cdn.syndication.twimg.com), attempt 1");
        await Expect(app.Page.Locator(".citation .outcome")).ToHaveTextAsync("working…");
        await app.ScreenshotDownToAsync("archive-progress", ".citation");
        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(1);
        await Expect(steps.Last).ToHaveTextAsync("Done: archived");

        var shown = (await steps.AllTextContentsAsync()).ToList();
        string[] order =
        [
            $"Resolving the short link https://pic.twitter.com/{tweet.MediaCode}",
            "Fetching from tco (t.co), attempt 1",
            "Fetching from syndication (cdn.syndication.twimg.com), attempt 1",
            "Fetching from syndication (cdn.syndication.twimg.com), attempt 2",
            "Saved media 1 of 2",
            "Saved media 2 of 2",
            "Storing the snapshot",
            "Done: archived",
        ];
        var positions = order.Select(step => shown.FindIndex(line => line.StartsWith(step, StringComparison.Ordinal))).ToArray();
        Assert.True(positions.All(p => p >= 0), $"Missing steps; shown: {string.Join(" | ", shown)}");
        Assert.True(positions.SequenceEqual(positions.Order()), $"Out of order: {string.Join(" | ", shown)}");
        Assert.Contains(app.Requests, r => r.EndsWith("/events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Banner_XUnreachable_SaysSoWithTheReasonAndTheNextAttempt_14()
    {
        // t.co leads to a closed local port: as X is from a server that cannot reach it.
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Archiver:Upstream:HostMap:t.co"] = "http://127.0.0.1:9/t.co",
            ["Archiver:Upstream:MaxRetries"] = "0",
        });
        var article = await File.ReadAllTextAsync(RepositoryPaths.SeedArticle, TestContext.Current.CancellationToken);
        await using var app = await browser.OpenAsync(s.App.Address, width: 1000);
        await app.GotoAsync();
        await Expect(app.Page.Locator("#upstream-banner")).ToBeHiddenAsync();
        await Expect(app.Page.Locator("#key-button")).ToBeHiddenAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync(article);
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();

        const string reason = "X's short-link service (t.co) could not be reached from this server: the connection was refused";
        var banner = app.Page.Locator("#upstream-banner");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner.Locator(".banner-title")).ToHaveTextAsync("X cannot be reached from this server.");
        await Expect(banner.Locator("li[data-host='t.co']")).ToHaveTextAsync(reason);
        await Expect(app.Page.Locator(".citation[data-outcome='pending']")).ToHaveCountAsync(5);
        await Expect(app.Page.Locator(".citation .detail").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Will try again at .+: {System.Text.RegularExpressions.Regex.Escape(reason)}$"));
        await Expect(app.Page.Locator(".summary")).ToContainTextAsync("Work left over is tried again at");
        // Every citation has its reason and its short link's resolution before the page is pictured.
        await Expect(app.Page.Locator(".citation .detail")).ToHaveCountAsync(5);
        await Expect(app.Page.Locator(".citation .resolution")).ToHaveCountAsync(5);
        await Expect(app.Page.Locator(".citation .resolution summary").First).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^via https://pic\.twitter\.com/\w+: not resolved \(transient, 1 request\)$"));
        await app.ScreenshotDownToAsync("archive-x-unreachable", ".citation");
    }

    [Fact]
    public async Task Banner_XRateLimiting_SaysUntilWhenWithTheReason_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        const string id = "1777777777777777152";
        s.Upstream.Syndication(id).Always(FakeReply.TooManyRequests(TimeSpan.FromMinutes(10)));
        s.Upstream.OEmbed(id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(id).Always(FakeReply.ServerError(503));
        await using var app = await browser.OpenAsync(s.App.Address, width: 1000);
        await app.GotoAsync();
        await Expect(app.Page.Locator("#upstream-banner")).ToBeHiddenAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"The harbour, as posted: https://x.com/quay_notes/status/{id}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();

        var banner = app.Page.Locator("#upstream-banner");
        await Expect(banner).ToBeVisibleAsync();
        // The headline names the end of the wait as the page's clock shows it; the reason names the host and the 429.
        await Expect(banner.Locator(".banner-title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^X is rate-limiting this server until .+\.$"));
        await Expect(banner.Locator("li[data-host='cdn.syndication.twimg.com']")).ToHaveTextAsync(
            "X's syndication service (cdn.syndication.twimg.com) is rate-limiting this server (HTTP 429) for 10 min");
        await Expect(app.Page.Locator(".citation[data-outcome='pending']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SubmissionsList_AfterAReload_StillListsTheSubmission_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = ServeTweet(s, "1777777777777777152", "Hb7LiGhTs3");
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();
        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(1);

        await app.GotoAsync("#/tweets");
        await app.Page.ReloadAsync();

        var item = app.Page.Locator(".submission-list > li");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("1 citation: 1 archived");
        await Expect(item.Locator($"li[data-tweet-id='{tweet.Id}'] a")).ToHaveTextAsync($"@quay_notes · {tweet.Id}");
    }

    [Fact]
    public async Task SubmissionsList_ShortLinkNotYetResolved_ShownByItsLinkThenInTheArchiveOnceResolved_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Archiver:Upstream:MaxRetries"] = "0",
            ["Archiver:Recheck:Schedule"] = "0 0 0 1 1 *",
        });
        var tweet = ServeTweet(s, "1777777777777777153", "Hb7LiGhTs4");
        s.Upstream.ShortLink(tweet.MediaCode).Then(FakeReply.ConnectionReset);
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();
        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"Harbour lights: pic.twitter.com/{tweet.MediaCode}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        await Expect(app.Page.Locator(".citation[data-outcome='pending']")).ToHaveCountAsync(1);

        await app.GotoAsync("#/tweets");
        var citation = app.Page.Locator(".submission-list > li li").First;
        await Expect(citation.Locator(".short-link")).ToHaveTextAsync($"https://pic.twitter.com/{tweet.MediaCode}");
        await Expect(citation.Locator(".outcome")).ToHaveTextAsync("working…");
        await Expect(app.Page.Locator("ul.tweet-list li")).ToHaveCountAsync(0);

        var timer = await s.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);
        Assert.True(timer.IsSuccessStatusCode, $"POST /admin/functions/RecheckLinks: {(int)timer.StatusCode}");
        await app.Page.ReloadAsync();

        await Expect(app.Page.Locator($"ul.tweet-list li[data-tweet-id='{tweet.Id}']")).ToBeVisibleAsync();
        await Expect(app.Page.Locator($".submission-list li[data-tweet-id='{tweet.Id}'] .outcome")).ToHaveTextAsync("archived");
    }

    [Fact]
    public async Task ArchiveView_ArticleAddress_FetchedAndItsTweetArchived_14()
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: site.Register);
        var tweet = ServeTweet(s, "1777777777777777154", "Hb7LiGhTs5");
        site.Serve("/2026/harbour", FakeReply.Html($"<html><body><article><p>The harbour office <a href=\"https://x.com/quay_notes/status/{tweet.Id}\">posted</a> the new lights.</p></article></body></html>"));
        await using var app = await browser.OpenAsync(s.App.Address, width: 1000);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync(site.Url("/2026/harbour"));
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();

        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(1);
        await Expect(app.Page.Locator(".article-line")).ToContainTextAsync("Article fetched from http://news.example/2026/harbour (HTTP 200");
        await Expect(app.Page.Locator(".article-line")).ToContainTextAsync("kept in the archive.");
        await Expect(app.Page.Locator(".card .tweet-text")).ToHaveTextAsync(tweet.Text);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "Refused to fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is the cloud metadata address (169.254.169.254). Only public addresses are fetched. (url_refused, HTTP 400)")]
    [InlineData("http://[::1]/admin", "Refused to fetch http://[::1]/admin: ::1 is a loopback address. Only public addresses are fetched. (url_refused, HTTP 400)")]
    [InlineData("http://news.example/go", "Refused to fetch http://10.0.0.7/ (redirected from http://news.example/go): 10.0.0.7 is a private address (10.0.0.0/8). Only public addresses are fetched. (url_refused, HTTP 400)")]
    public async Task ArchiveView_HostileArticleAddress_RefusedWithAClearMessage_14(string address, string message)
    {
        await using var site = await FakeArticleSite.StartAsync(TestContext.Current.CancellationToken);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: site.Register);
        site.Serve("/go", FakeReply.Redirect("http://10.0.0.7/", 302));
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync(address);
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();

        await Expect(app.Page.Locator(".results .error")).ToHaveTextAsync($"The article could not be archived: {message}");
        Assert.Empty(await s.BlobNamesAsync("submissions/"));
    }

    [Fact]
    public async Task TweetPage_NeverCaptured_NoCardAndCheckNowSaysWhy_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        const string id = "1777777777777777155";
        s.Upstream.Syndication(id).Always(FakeReply.ServerError(503));
        s.Upstream.OEmbed(id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(id).Always(FakeReply.ServerError(503));
        var (response, _) = await s.ArchiveAsync($"https://x.com/quay_notes/status/{id}");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await using var app = await browser.OpenAsync(s.App.Address);

        await app.GotoAsync($"#/tweets/{id}");

        await Expect(app.Page.Locator(".never-captured")).ToContainTextAsync("No source has answered for this tweet yet");
        await Expect(app.Page.Locator(".card")).ToHaveCountAsync(0);
        await Expect(app.Page.Locator("#versions-title")).ToHaveCountAsync(0);
        await Expect(app.Page.Locator(".last-error")).ToContainTextAsync("HTTP 503");
        await Expect(app.Page.GetByText("Evidence: the raw upstream answer")).ToHaveCountAsync(0);
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();
        await Expect(app.Page.Locator(".recheck-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Checked just now: no usable answer\\. .*HTTP 503.* Next check at .+\\.$"));
    }

    private static FakeTweet ServeTweet(ArchiveScenario s, string id, string mediaCode)
    {
        var tweet = s.Upstream.AddTweet(new FakeTweet
        {
            Id = id,
            Text = "Made-up test tweet: the harbour lights are back on after the storm.",
            ScreenName = "quay_notes",
            Name = "Quay Notes",
            UserId = $"90000000000{id[^7..]}",
            MediaCode = mediaCode,
            Photos = [new FakePhoto($"HLu{id[^12..]}", Format: "png", Width: 480, Height: 300, AltText: "Lights along the quay at night")],
        });
        s.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), TestImages.Png(480, 300, (30, 50, 90), (240, 200, 80)), "image/png");
        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), AvatarPng, "image/png");
        s.Upstream.AddShortLink(mediaCode, $"https://x.com/quay_notes/status/{id}/photo/1");
        return tweet;
    }
}

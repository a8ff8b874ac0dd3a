using System.Text;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Archiver.Tests.Browser;

/// <summary>
/// The page at <c>/api/app/</c> in a real browser (Debian's Chromium, headless), on the real app with Azurite and the
/// fake upstream: what a journalist pasting an article sees, and what the page must never do.
/// </summary>
public sealed class AppBrowserTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] AvatarPng = TestImages.Png(96, 96, (40, 70, 120), (150, 190, 230));

    /// <summary>
    /// The seed article's five short links, each leading to a status of the handle its signature names, with the text,
    /// author and day the article quotes for it (the ids and photos are the fake upstream's).
    /// </summary>
    private static readonly (FakeTweet Tweet, (byte, byte, byte) Colour)[] SeedTweets =
    [
        (SeedTweet("rtVCutBtcO", "1479377264440250514", "jardemalie", "Bota Jardemalie 🇰🇿🇧🇪🇪🇺", "GHa1rtVCutBtcOx", "City of Ust-Kamenogorsk, the administrative center of Eastern #Kazakhstan: military sweeps.", "Armoured vehicles on a snowy avenue, seen from a window above"), (70, 110, 160)),
        (SeedTweet("BVbPGKX3w0", "1478380697809850514", "abdujalil", "Abdujalil A", "GHa2BVbPGKX3w0x", "Protesters in #Kazakhstan chase an APC away. Riot police used tear gas and stun grenades to disperse protesters. The authorities have introduced a state of emergency and curfew in Mangystau region and in Almaty. Mass protests broke out over fuel price hike", "Protesters running after an armoured personnel carrier"), (150, 90, 60)),
        (SeedTweet("zwVzLRbFOW", "1479543358878650514", "AlexKokcharov", "Alex Kokcharov", "GHa3zwVzLRbFOWx", "In #Aktau, west #Kazakhstan, the #protest rally appears to be ongoing as of Thursday night, despite the nationwide state of emergency and the night time curfew:", "A crowd on a square in Aktau at night"), (60, 60, 110)),
        (SeedTweet("0RDJ9Lg69T", "1479045075563450514", "Jake_Hanrahan", "Jake Hanrahan", "GHa40RDJ9Lg69Tx", "Oil workers in #Kazakhstan going on strike in solidarity with the protests. Remember this uprising began as protests against increased fuel prices. (Via Atlas News)", "Oil workers in overalls gathered by a road"), (190, 120, 40)),
        (SeedTweet("Ix5TEp187a", "1478350498821050514", "ThomasVLinge", "Thomas van Linge", "GHa5Ix5TEp187ax", "#Kazakhstan 🇰🇿: footage from #Mangystau earlier today as thousands of worked walked to #Aktau in the freezing cold, striking in protest against the government. #zhanaozen2022", "A long column of people walking along a frozen road"), (90, 140, 120)),
    ];

    [Fact]
    public async Task ArchiveView_SeedArticle_ShowsFiveCardsWithTheirMedia()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        foreach (var (tweet, colour) in SeedTweets)
        {
            ServePhotoTweet(s, tweet, colour);
            s.Upstream.AddShortLink(tweet.MediaCode, $"https://x.com/{tweet.ScreenName}/status/{tweet.Id}/photo/1");
        }

        var article = await File.ReadAllTextAsync(RepositoryPaths.SeedArticle, TestContext.Current.CancellationToken);
        await using var app = await browser.OpenAsync(s.App.Address, width: 1000);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync(article);
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();

        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(5);
        await Expect(app.Page.Locator(".card .handle")).ToHaveTextAsync(SeedTweets.Select(t => $"@{t.Tweet.ScreenName}").ToArray());
        await Expect(app.Page.Locator(".card .tweet-text").First).ToHaveTextAsync(SeedTweets[0].Tweet.Text);
        await Expect(app.Page.Locator(".card figcaption").First).ToHaveTextAsync($"Alt text: {SeedTweets[0].Tweet.Photos[0].AltText}");
        await WaitForImagesAsync(app.Page, ".card img.media", 5);
        await WaitForImagesAsync(app.Page, ".card img.avatar", 5);
        await Expect(app.Page.Locator(".summary")).ToContainTextAsync("5 archived");
        await app.ScreenshotAsync("archive-seed-article");
        await app.ScreenshotDownToAsync("archive-seed-article-top", ".citation");
    }

    [Fact]
    public async Task ArchiveView_AnswerAccepted_PollsUntilTheTimerFinishesTheWork()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Archive:TimeBudget"] = "00:00:00" });
        var tweet = PhotoTweet("1777777777777777007");
        ServePhotoTweet(s, tweet, (60, 130, 150));
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        await Expect(app.Page.Locator(".citation .outcome")).ToHaveTextAsync("working…");
        await Expect(app.Page.Locator(".summary")).ToContainTextAsync("checks again every 2 seconds");
        var timer = await s.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);
        Assert.True(timer.IsSuccessStatusCode, $"POST /admin/functions/RecheckLinks: {(int)timer.StatusCode}");

        await Expect(app.Page.Locator(".citation .outcome")).ToHaveTextAsync("archived");
        await Expect(app.Page.Locator(".summary")).ToContainTextAsync("Done.");
        await WaitForImagesAsync(app.Page, ".card img.media", 1);
        Assert.Contains(app.Requests, r => r.Contains("/api/submissions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArchiveView_ChosenMarkdownFile_SentAsMarkdownAndArchived()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet("1777777777777777008");
        ServePhotoTweet(s, tweet, (110, 110, 50));
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();
        var markdown = $"# Harbour notes\n\nThe [timetable](https://x.com/{tweet.ScreenName}/status/{tweet.Id}) changed.\n";

        await app.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(markdown) });
        await Expect(app.Page.Locator(".file-line")).ToContainTextAsync("notes.md (text/markdown)");
        var request = await app.Page.RunAndWaitForRequestAsync(
            () => app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync(),
            r => r.Url.EndsWith("/api/archive", StringComparison.Ordinal));

        Assert.StartsWith("text/markdown", request.Headers["content-type"], StringComparison.Ordinal);
        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(1);
        await Expect(app.Page.Locator(".card .tweet-text")).ToHaveTextAsync(tweet.Text);
    }

    [Fact]
    public async Task ArchiveView_ShortLinkChain_ShowsViaTheShortLinkAndEachHop_Issue15()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet("1777777777777777031");
        ServePhotoTweet(s, tweet, (90, 120, 70));
        var status = $"https://x.com/{tweet.ScreenName}/status/{tweet.Id}";
        s.Upstream.AddShortLink("Br0wsHop1a", "https://t.co/Br0wsHop2b");
        s.Upstream.AddShortLink("Br0wsHop2b", status);
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync("The ferry timetable: https://t.co/Br0wsHop1a");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();

        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(1);
        var resolution = app.Page.Locator(".citation .resolution");
        await Expect(resolution.Locator("summary")).ToHaveTextAsync($"via https://t.co/Br0wsHop1a → {status} (2 hops)");
        await resolution.Locator("summary").ClickAsync();
        await Expect(resolution.Locator(".hops li")).ToHaveTextAsync(["301 https://t.co/Br0wsHop1a → https://t.co/Br0wsHop2b", $"301 https://t.co/Br0wsHop2b → {status}"]);
    }

    [Fact]
    public async Task TweetPage_UpstreamTurnedDeleted_ShowsDeletedBadgeAfterCheckNow()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Recheck:ConfirmChecks"] = "1" });
        var tweet = PhotoTweet("1777777777777777001");
        ServePhotoTweet(s, tweet, (120, 80, 160));
        await ArchiveThroughApiAsync(s, tweet);
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync($"#/tweets/{tweet.Id}");
        await Expect(CardBadge(app.Page)).ToHaveAttributeAsync("data-status", "available");

        s.Upstream.Syndication(tweet.Id).Always(FakeReply.Json(FakePayloads.Tombstone("This Post was deleted by the Post author. Learn more")));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.Json(FakePayloads.FxTwitterError(404, "NOT_FOUND"), 404));
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.NotFoundHtml);
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();

        await Expect(CardBadge(app.Page)).ToHaveAttributeAsync("data-status", "deleted");
        await Expect(CardBadge(app.Page)).ToHaveTextAsync("deleted");
        await Expect(app.Page.Locator("table.history tbody tr").First).ToContainTextAsync("deleted");
        await app.ScreenshotAsync("tweet-deleted");
    }

    [Fact]
    public async Task TweetPage_BundleLink_DownloadsAZip()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet("1777777777777777002");
        ServePhotoTweet(s, tweet, (40, 120, 90));
        await ArchiveThroughApiAsync(s, tweet);
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync($"#/tweets/{tweet.Id}");

        var download = await app.Page.RunAndWaitForDownloadAsync(() =>
            app.Page.GetByRole(AriaRole.Link, new() { Name = "Everything as a ZIP bundle" }).ClickAsync());

        Assert.Equal($"tweet-{tweet.Id}.zip", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 100, $"The bundle has only {bytes.Length} bytes.");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task TweetPage_EditedTweet_ShowsTheWordDifferenceBetweenVersions()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet("1777777777777777003");
        ServePhotoTweet(s, tweet, (30, 100, 140));
        await ArchiveThroughApiAsync(s, tweet);
        s.Upstream.AddTweet(tweet with { Text = "Ferry timetable pinned to the harbour office door this evening." });
        await ArchiveThroughApiAsync(s, tweet, "?refresh=true");
        await using var app = await browser.OpenAsync(s.App.Address);

        await app.GotoAsync($"#/tweets/{tweet.Id}");

        await Expect(app.Page.Locator("ol.timeline > li")).ToHaveCountAsync(2);
        await Expect(app.Page.Locator(".diff del")).ToHaveTextAsync("morning.");
        await Expect(app.Page.Locator(".diff ins")).ToHaveTextAsync("evening.");
        await Expect(app.Page.Locator(".card .badge[data-status='edited']")).ToBeVisibleAsync();
        await WaitForImagesAsync(app.Page, ".card img.media", 1);
        await app.ScreenshotAsync("tweet-page");
    }

    [Fact]
    public async Task Card_TextHoldingMarkup_ShownLiterallyAndNothingRuns()
    {
        const string Payload = "<img src=x onerror=alert(1)>";
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet("1777777777777777004") with
        {
            Text = $"Harbour notice {Payload} ends here.",
            Name = "Quay <b>Notes</b> <script>alert(2)</script>",
        };
        ServePhotoTweet(s, tweet, (160, 60, 60));
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"As posted: https://x.com/{tweet.ScreenName}/status/{tweet.Id}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        var text = app.Page.Locator(".card .tweet-text");
        await Expect(text).ToHaveTextAsync(tweet.Text);
        await app.GotoAsync($"#/tweets/{tweet.Id}");
        await Expect(text).ToHaveTextAsync(tweet.Text);
        await Expect(app.Page.Locator(".card .name")).ToHaveTextAsync(tweet.Name);
        await WaitForImagesAsync(app.Page, ".card img.media", 1);

        Assert.Equal(0, await app.Page.Locator("img[src='x']").CountAsync());
        Assert.Equal(0, await app.Page.Locator(".tweet-text *, .card .name *, main b, main script").CountAsync());
        Assert.Empty(app.Dialogs);
    }

    [Fact]
    public async Task Page_EveryView_RequestsNothingOutsideTheAppsOrigin()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet("1777777777777777005");
        ServePhotoTweet(s, tweet, (90, 90, 160));
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        await WaitForImagesAsync(app.Page, ".card img.media", 1);
        await app.Page.GetByRole(AriaRole.Link, new() { Name = "Versions, history and downloads" }).ClickAsync();
        await Expect(app.Page.Locator("#downloads-title")).ToBeVisibleAsync();
        await WaitForImagesAsync(app.Page, ".card img.media", 1);
        await app.Page.GetByRole(AriaRole.Link, new() { Name = "The archive", Exact = true }).First.ClickAsync();
        await Expect(app.Page.Locator($"ul.tweet-list li[data-tweet-id='{tweet.Id}']")).ToBeVisibleAsync();
        await Expect(app.Page.Locator(".submissions .submission-list > li")).ToHaveCountAsync(1);
        await app.ScreenshotAsync("archive-list");

        var requests = app.Requests;
        Assert.Contains(requests, r => r.Contains($"/api/tweets/{tweet.Id}/media/", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.EndsWith("/api/app/app.css", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.StartsWith($"{app.Origin}/", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListView_PagesOfTwo_NextAndPreviousWalkTheWholeArchive()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweets = await ArchiveThreeAsync(s);
        await using var app = await browser.OpenAsync(s.App.Address);

        await app.GotoAsync("#/tweets?pageSize=2");
        var rows = app.Page.Locator("ul.tweet-list li");
        await Expect(rows).ToHaveCountAsync(2);
        var first = await rows.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.tweetId)");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        var second = await rows.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.tweetId)");
        await Expect(app.Page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(2);
        Assert.Equal(tweets.Select(t => t.Id).Order(), first.Concat(second).Order());
        Assert.Contains(app.Requests, r => r.Contains("continuationToken=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListView_HandleAndStatusFilters_KeepOnlyMatchingTweets()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweets = await ArchiveThreeAsync(s);
        await using var app = await browser.OpenAsync(s.App.Address);
        await app.GotoAsync("#/tweets");
        await Expect(app.Page.Locator("ul.tweet-list li")).ToHaveCountAsync(3);

        await app.Page.GetByLabel("Handle").FillAsync("@pier_office");
        await app.Page.GetByLabel("Status").SelectOptionAsync("available");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(app.Page.Locator("ul.tweet-list li")).ToHaveCountAsync(1);
        await Expect(app.Page.Locator("ul.tweet-list li")).ToHaveAttributeAsync("data-tweet-id", tweets[2].Id);
        await Expect(app.Page.Locator(".summary")).ToContainTextAsync("by @pier_office");
        Assert.Contains(app.Requests, r => r.Contains("/api/tweets?", StringComparison.Ordinal) && r.Contains("status=available", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_KeyRequired_AsksOnceThenSendsItWithEveryCall()
    {
        const string Key = "browser-test-key-7f3a";
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:ApiKey"] = Key });
        var tweet = PhotoTweet("1777777777777777006");
        ServePhotoTweet(s, tweet, (100, 140, 60));
        await using var app = await browser.OpenAsync(s.App.Address, width: 360, height: 740);
        await app.GotoAsync();

        await app.Page.GetByLabel("Article", new() { Exact = true }).FillAsync($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Archive its tweets" }).ClickAsync();
        var dialog = app.Page.GetByRole(AriaRole.Dialog, new() { Name = "Function key" });
        await Expect(dialog).ToBeVisibleAsync();
        await app.Page.GetByLabel("Key", new() { Exact = true }).FillAsync(Key);
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();

        await Expect(app.Page.Locator(".citation[data-outcome='archived']")).ToHaveCountAsync(1);
        await WaitForImagesAsync(app.Page, ".card img.media", 1);
        var overflow = await app.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page scrolls sideways at 360 px.");
        await app.ScreenshotAsync("archive-narrow-360");
        await app.Page.GetByRole(AriaRole.Link, new() { Name = "The archive", Exact = true }).First.ClickAsync();
        await Expect(app.Page.Locator($"ul.tweet-list li[data-tweet-id='{tweet.Id}']")).ToBeVisibleAsync();
        await Expect(app.Page.Locator("#key-button")).ToHaveTextAsync("Forget key");
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(Key, await app.Page.EvaluateAsync<string>("() => sessionStorage.getItem('archiver.key')"));
        Assert.Contains(app.Requests, r => r.Contains("/media/", StringComparison.Ordinal) && r.Contains($"code={Key}", StringComparison.Ordinal));
    }

    private static FakeTweet SeedTweet(string code, string id, string handle, string name, string photoKey, string text, string alt) => new()
    {
        Id = id,
        ScreenName = handle,
        Name = name,
        UserId = $"90000000000{id[^7..]}",
        Text = text,
        MediaCode = code,
        Photos = [new FakePhoto(photoKey, Format: "png", Width: 480, Height: 300, AltText: alt)],
    };

    private static FakeTweet PhotoTweet(string id) => new()
    {
        Id = id,
        Text = "Ferry timetable pinned to the harbour office door this morning.",
        ScreenName = "quay_notes",
        Name = "Quay Notes",
        UserId = $"90000000000{id[^7..]}",
        Photos = [new FakePhoto($"HLu{id[^12..]}", Format: "png", Width: 480, Height: 300, AltText: "A printed timetable behind glass")],
    };

    private static void ServePhotoTweet(ArchiveScenario s, FakeTweet tweet, (byte R, byte G, byte B) colour)
    {
        s.Upstream.AddTweet(tweet);
        foreach (var photo in tweet.Photos)
        {
            s.Upstream.AddMedia(photo.SizeUrl("orig"), TestImages.Png(photo.Width, photo.Height, colour, (240, 240, 235)), "image/png");
        }

        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), AvatarPng, "image/png");
    }

    private static async Task ArchiveThroughApiAsync(ArchiveScenario s, FakeTweet tweet, string query = "")
    {
        var (response, body) = await s.ArchiveAsync($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}", query);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/archive: {(int)response.StatusCode}");
        Assert.Equal("archived", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
    }

    private static async Task<FakeTweet[]> ArchiveThreeAsync(ArchiveScenario s)
    {
        FakeTweet[] tweets =
        [
            PhotoTweet("1777777777777777011"),
            PhotoTweet("1777777777777777012"),
            PhotoTweet("1777777777777777013") with { ScreenName = "pier_office", Name = "Pier Office" },
        ];
        foreach (var tweet in tweets)
        {
            ServePhotoTweet(s, tweet, (80, 80, 80));
        }

        var (response, _) = await s.ArchiveAsync(string.Join('\n', tweets.Select(t => $"https://x.com/{t.ScreenName}/status/{t.Id}")));
        Assert.True(response.IsSuccessStatusCode, $"POST /api/archive: {(int)response.StatusCode}");
        return tweets;
    }

    private static ILocator CardBadge(IPage page) => page.Locator(".card .badges .badge").First;

    /// <summary>Waits until exactly <paramref name="count"/> images match and every one has decoded (naturalWidth &gt; 0).</summary>
    private static async Task WaitForImagesAsync(IPage page, string selector, int count)
    {
        await Expect(page.Locator(selector)).ToHaveCountAsync(count);
        await page.WaitForFunctionAsync(
            "([selector, count]) => { const images = [...document.querySelectorAll(selector)]; return images.length === count && images.every(i => i.complete && i.naturalWidth > 0); }",
            new object[] { selector, count },
            new PageWaitForFunctionOptions { Timeout = (float)BrowserFixture.Patience.TotalMilliseconds });
        var widths = await page.Locator(selector).EvaluateAllAsync<int[]>("images => images.map(i => i.naturalWidth)");
        Assert.All(widths, w => Assert.True(w > 0));
    }
}

using System.Net;
using Archiver.Tests.Browser;
using Archiver.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Archiver.Tests.Evidence;

/// <summary>
/// The WACZ opened in ReplayWeb.page (the repo's pinned <c>replaywebpage</c>, served from its own node_modules with
/// its service worker) in headless Chromium: the syndication JSON and the photo replay at their original URLs.
/// </summary>
public sealed class ReplayWebPageTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] PhotoPng = TestImages.Png(120, 80, (200, 60, 40), (40, 60, 200));

    [Fact]
    public async Task Wacz_OpenedInReplayWebPage_ShowsSyndicationJsonAndPhotoAtTheirUrls()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite, photo: (PhotoPng, "image/png"));
        await s.ArchiveAsync();
        var wacz = await s.BundleAsync("?format=wacz");
        await using var site = await ReplaySiteAsync(wacz);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow });
        context.SetDefaultTimeout(180_000);

        var json = await ReplayAsync(context, site, EvidenceScenario.SyndicationUrl);
        var text = await json.Locator("body").InnerTextAsync();
        Assert.Contains(EvidenceScenario.Tweet.Text, text);
        Assert.Contains(EvidenceScenario.Tweet.Id, text);

        var photo = await ReplayAsync(context, site, EvidenceScenario.PhotoUrl);
        await photo.WaitForFunctionAsync("() => document.images.length > 0 && document.images[0].complete && document.images[0].naturalWidth > 0");
        Assert.Equal(120, await photo.EvaluateAsync<int>("() => document.images[0].naturalWidth"));
        Assert.Equal(80, await photo.EvaluateAsync<int>("() => document.images[0].naturalHeight"));
    }

    /// <summary>Opens the embed on <paramref name="url"/> and answers the frame that replays it.</summary>
    private static async Task<IFrame> ReplayAsync(IBrowserContext context, ReplaySite site, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.Address}embed.html?url={Uri.EscapeDataString(url)}");
        var deadline = TimeSpan.FromSeconds(180);
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < deadline)
        {
            var frame = page.Frames.FirstOrDefault(f => f.Url.Contains("mp_/", StringComparison.Ordinal) && f.Url.EndsWith(url, StringComparison.Ordinal));
            if (frame is not null)
            {
                await frame.WaitForLoadStateAsync(LoadState.Load);
                return frame;
            }

            await page.WaitForTimeoutAsync(250);
        }

        throw new TimeoutException($"ReplayWeb.page opened no frame for {url}; frames: {string.Join(", ", page.Frames.Select(f => f.Url))}");
    }

    private sealed class ReplaySite(WebApplication app) : IAsyncDisposable
    {
        public string Address => app.Urls.Single().TrimEnd('/') + "/";

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A static site on loopback: a page embedding ReplayWeb.page, its ui.js and service worker from the repo's node_modules, and the WACZ (with Range).</summary>
    private static async Task<ReplaySite> ReplaySiteAsync(byte[] wacz)
    {
        var package = Path.Combine(RepositoryPaths.Root, "node_modules", "replaywebpage");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ReplaySite", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/embed.html", (string url) => Results.Content(
            $"""
            <!doctype html><html><head><meta charset="utf-8"><script src="/ui.js"></script></head>
            <body><replay-web-page source="/tweet.wacz" url="{WebUtility.HtmlEncode(url)}" replayBase="/replay/" embed="replayonly" style="display:block;height:600px"></replay-web-page></body></html>
            """, "text/html"));
        app.MapGet("/ui.js", () => Results.File(Path.Combine(package, "ui.js"), "application/javascript"));
        app.MapGet("/replay/sw.js", () => Results.File(Path.Combine(package, "sw.js"), "application/javascript"));
        app.MapGet("/tweet.wacz", () => Results.File(wacz, "application/wacz", enableRangeProcessing: true));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ReplaySite(app);
    }
}

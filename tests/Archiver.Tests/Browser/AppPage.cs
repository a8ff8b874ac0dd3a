using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Archiver.Tests.Browser;

/// <summary>One browser context on the app's page, with the log of every request it made and every dialog it opened.</summary>
public sealed class AppPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentQueue<string> dialogs = new();

    internal AppPage(IBrowserContext context, IPage page, Uri app)
    {
        Context = context;
        Page = page;
        Origin = app.GetLeftPart(UriPartial.Authority);
        context.Request += (_, request) => requests.Enqueue(request.Url);
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The app's origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; }

    /// <summary>Every URL the browser requested so far, page, scripts, API calls and media alike.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>Every alert, confirm or prompt the page opened (dismissed at once).</summary>
    public IReadOnlyList<string> Dialogs => [.. dialogs];

    /// <summary>Opens a view of the page, e.g. <c>#/tweets</c>.</summary>
    public async Task GotoAsync(string hash = "#/archive")
    {
        await Page.GotoAsync($"{Origin}/api/app/{hash}");
        await Assertions.Expect(Page.Locator("main h1")).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot under the test output's <c>screenshots/</c> folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Saves the top of the page down to the bottom of the first <paramref name="selector"/> match.</summary>
    public async Task<string> ScreenshotDownToAsync(string name, string selector)
    {
        var box = await Page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not on the page.");
        var size = Page.ViewportSize!;
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = size.Width, Height = box.Y + box.Height + 16 },
        });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

using System.Net;
using System.Text.RegularExpressions;
using Archiver.Functions.Endpoints;
using Archiver.Tests.Archive;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Browser;

/// <summary><c>GET /api/app/{*path}</c> over HTTP: the page's files, their headers, and what it refuses.</summary>
public sealed partial class AppApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetApp_Index_HtmlWithStrictSecurityHeadersAndNoInlineScript()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        using var client = app.Client();

        var response = await client.GetAsync("/api/app/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(AppApi.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.StartsWith("default-src 'self';", AppApi.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", AppApi.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.All(ScriptTag().Matches(html), m => Assert.Matches("src=\"[a-z-]+\\.js\"", m.Value));
        Assert.DoesNotMatch("(?i)\\son[a-z]+=|style=|https?://", html);
    }

    [Fact]
    public async Task GetApp_EveryModuleTheScriptsImport_ServedAsJavaScript()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        using var client = app.Client();
        var pending = new Queue<string>(["app.js"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            var response = await client.GetAsync($"/api/app/{file}", TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            var script = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
            Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
            Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
            foreach (Match import in ImportFrom().Matches(script))
            {
                pending.Enqueue(import.Groups["file"].Value);
            }
        }

        Assert.Contains("tweet-view.js", seen);
        var css = await client.GetAsync("/api/app/app.css", TestContext.Current.CancellationToken);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var icon = await client.GetAsync("/api/app/favicon.svg", TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetApp_WithoutTrailingSlash_RedirectsToTheFolder()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        using var client = app.Client();

        var response = await client.GetAsync("/api/app", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/app/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GetApp_UnknownFile_NotFoundJsonWithTheHeaders()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        using var client = app.Client();

        var response = await client.GetAsync("/api/app/missing.js", TestContext.Current.CancellationToken);
        var body = await ArchiveScenario.BodyAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("The app has no file 'missing.js'.", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(AppApi.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/api/app/..%2F..%2Fappsettings.json")]
    [InlineData("/api/app/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/api/app/..%5Cappsettings.json")]
    [InlineData("/api/app/%5C..%5C..%5CArchiver.Functions.dll")]
    [InlineData("/api/app/%2Fetc%2Fpasswd")]
    public async Task GetApp_PathOutsideTheApp_RefusedWithJson(string path)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        using var client = app.Client();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("error", out _), text);
    }

    [Fact]
    public async Task GetApp_KeyConfigured_PageServedWithoutItWhileTheApiWantsIt()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:ApiKey"] = "page-key" });
        using var client = app.Client();

        var page = await client.GetAsync("/api/app/", TestContext.Current.CancellationToken);
        var script = await client.GetAsync("/api/app/api.js", TestContext.Current.CancellationToken);
        var api = await client.GetAsync("/api/tweets", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task GetApp_RedirectMode_PolicyAlsoAllowsMediaFromTheBlobEndpoint()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Downloads:Mode"] = "Redirect" });
        using var client = app.Client();
        var storage = azurite.CreateServiceClient().Uri.GetLeftPart(UriPartial.Authority);

        var response = await client.GetAsync("/api/app/", TestContext.Current.CancellationToken);
        var policy = Header(response, "Content-Security-Policy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains($"img-src 'self' {storage} blob: data:;", policy, StringComparison.Ordinal);
        Assert.Contains($"media-src 'self' {storage} blob:;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("from '\\./(?<file>[a-z-]+\\.js)'")]
    private static partial Regex ImportFrom();
}

using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Archiver.Tests.Archive;
using Archiver.Tests.Infrastructure;
using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Evidence;

/// <summary>
/// Issue 15: how a cited short link was resolved is shown where the citation is (the submission API view), in the
/// bundle's offline <c>index.html</c>, and survives a capture that throws.
/// </summary>
public sealed class ShortLinkResolutionTests(AzuriteFixture azurite)
{
    private static readonly string[] HopFields = ["url", "status", "location", "outcome", "sha256", "blob"];

    [Fact]
    public async Task GetSubmission_ShortLinkCitation_ShowsTheResolutionHopByHopWithoutBodiesOrHeaders_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        var (answer, _) = await s.ArchiveWithSubmissionAsync();
        var (_, byStatus) = await s.Archive.ArchiveAsync($"Also seen at https://x.com/{EvidenceScenario.Tweet.ScreenName}/status/{EvidenceScenario.Tweet.Id}");

        var view = await s.Archive.GetJsonAsync(answer.GetProperty("self").GetString()!);

        var resolution = view.GetProperty("citations")[0].GetProperty("resolution");
        Assert.Equal(EvidenceScenario.FirstHopUrl, resolution.GetProperty("shortLink").GetString());
        Assert.Equal("tweet", resolution.GetProperty("status").GetString());
        Assert.Equal(EvidenceScenario.FinalUrl, resolution.GetProperty("finalUrl").GetString());
        Assert.Equal(EvidenceScenario.Tweet.Id, resolution.GetProperty("tweetId").GetString());
        Assert.False(resolution.GetProperty("unsafeLinkWarning").GetBoolean());
        var hops = resolution.GetProperty("hops").EnumerateArray().ToList();
        Assert.Equal([EvidenceScenario.FirstHopUrl, EvidenceScenario.SecondHopUrl, EvidenceScenario.ThirdHopUrl], hops.Select(h => h.GetProperty("url").GetString()));
        Assert.Equal([301, 200, 301], hops.Select(h => h.GetProperty("status").GetInt32()));
        Assert.Equal([EvidenceScenario.SecondHopUrl, null, EvidenceScenario.FinalUrl], hops.Select(h => h.GetProperty("location").GetString()));
        Assert.Equal(["redirect", "refresh", "redirect"], hops.Select(h => h.GetProperty("outcome").GetString()));
        foreach (var hop in hops)
        {
            Assert.Equal(HopFields, hop.EnumerateObject().Select(p => p.Name));
            var sha = hop.GetProperty("sha256").GetString()!;
            Assert.Equal($"raw/{sha}", hop.GetProperty("blob").GetString());
            Assert.Equal(sha, ArchiveScenario.Sha256(await s.Archive.BlobBytesAsync(hop.GetProperty("blob").GetString()!)));
        }

        Assert.Equal(EvidenceScenario.SecondHopReply.Body, await s.Archive.BlobBytesAsync(hops[1].GetProperty("blob").GetString()!));
        // The resolution's instant is the one stored with the headers; the answer to the POST showed the same view.
        var stored = JsonDocument.Parse(await s.Archive.BlobBytesAsync($"submissions/{answer.GetProperty("id").GetString()}.json")).RootElement;
        Assert.Equal(stored.GetProperty("citations")[0].GetProperty("resolution").GetProperty("resolvedAt").GetDateTimeOffset(), resolution.GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal(resolution.ToString(), answer.GetProperty("citations")[0].GetProperty("resolution").ToString());
        // A citation that names its status has nothing to resolve.
        Assert.Equal(JsonValueKind.Null, byStatus.GetProperty("citations")[0].GetProperty("resolution").ValueKind);
    }

    [Fact]
    public async Task GetBundle_Zip_IndexHtmlListsEachShortLinkHopByHop_EncodedAndLinkedToTheRawBodies_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);
        // A link whose target carries "&copy": shown unencoded, a parser would read it as "©".
        var withQuery = $"{EvidenceScenario.FinalUrl}?s=20&copy=1";
        s.Archive.Upstream.AddShortLink("Td7Query44", withQuery);
        await s.ArchiveAsync();
        await s.ArchiveWithSubmissionAsync("Td7Query44");

        var zip = await s.BundleAsync();

        var document = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(EvidenceScenario.Entry(zip, "index.html")));
        var sections = document.QuerySelectorAll("section.short-link");
        Assert.Equal([EvidenceScenario.FirstHopUrl, "https://t.co/Td7Query44"], sections.Select(e => e.QuerySelector("h3")!.TextContent));
        Assert.Equal([EvidenceScenario.FinalUrl, withQuery], sections.Select(e => e.QuerySelector(".final-url")!.TextContent));
        var chain = sections[0].QuerySelectorAll("tbody tr");
        Assert.Equal([EvidenceScenario.FirstHopUrl, EvidenceScenario.SecondHopUrl, EvidenceScenario.ThirdHopUrl], chain.Select(r => r.QuerySelector(".url")!.TextContent));
        Assert.Equal(["301", "200", "301"], chain.Select(r => r.QuerySelector(".status")!.TextContent));
        Assert.Equal([EvidenceScenario.SecondHopUrl, "", EvidenceScenario.FinalUrl], chain.Select(r => r.QuerySelector(".location")!.TextContent));
        var direct = Assert.Single(sections[1].QuerySelectorAll("tbody tr"));
        Assert.Equal(withQuery, direct.QuerySelector(".location")!.TextContent);
        // Every hop links to its raw body inside the ZIP, as the manifest lists the hops.
        var manifest = JsonDocument.Parse(EvidenceScenario.Entry(zip, "manifest.json")).RootElement;
        var listed = manifest.GetProperty("shortLinks").EnumerateArray().SelectMany(l => l.GetProperty("hops").EnumerateArray()).Select(h => h.GetProperty("blob").GetString()!).ToList();
        var links = document.QuerySelectorAll("section.short-link a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(listed, links);
        Assert.All(links, href => Assert.Contains(href, EvidenceScenario.EntryNames(zip)));
        Assert.Equal(EvidenceScenario.SecondHopReply.Body, EvidenceScenario.Entry(zip, links[1]));
        Assert.Empty(document.QuerySelectorAll("script, iframe"));
    }

    [Fact]
    public async Task Archive_CaptureThrowsAfterTheShortLinkResolved_TheResolutionIsKeptAndTheTimerCapturesWithoutResolvingAgain_Issue15()
    {
        var failSnapshot = new ArchiveScenarioTests.FailOnce("/snapshots/");
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        options.AddPolicy(failSnapshot, HttpPipelinePosition.PerCall);
        await using var s = await EvidenceScenario.StartAsync(azurite, configure: services => services.AddSingleton(new BlobServiceClient(azurite.ConnectionString, options)));

        var (response, answer) = await s.Archive.ArchiveAsync($"Tide tables for the week, as posted: https://t.co/{EvidenceScenario.ShortLinkCode}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var self = answer.GetProperty("self").GetString()!;
        var pending = (await s.Archive.GetJsonAsync(self)).GetProperty("citations")[0];
        Assert.Equal("pending", pending.GetProperty("outcome").GetString());
        Assert.Contains("injected storage failure", pending.GetProperty("error").GetString());
        Assert.Equal(EvidenceScenario.Tweet.Id, pending.GetProperty("tweetId").GetString());
        var resolution = pending.GetProperty("resolution");
        Assert.Equal(EvidenceScenario.Tweet.Id, resolution.GetProperty("tweetId").GetString());
        Assert.Equal(3, resolution.GetProperty("hops").GetArrayLength());
        var stored = JsonDocument.Parse(await s.Archive.BlobBytesAsync($"submissions/{answer.GetProperty("id").GetString()}.json")).RootElement.GetProperty("citations")[0];
        Assert.Equal(EvidenceScenario.Tweet.Id, stored.GetProperty("tweetId").GetString());
        Assert.Equal(3, stored.GetProperty("resolution").GetProperty("hops").GetArrayLength());
        var asked = s.Archive.Upstream.RequestsTo("t.co").Count + s.Archive.Upstream.RequestsTo("twitter.com").Count;

        var timer = await s.Archive.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, timer.StatusCode);
        var done = (await s.Archive.GetJsonAsync(self)).GetProperty("citations")[0];
        Assert.Equal("archived", done.GetProperty("outcome").GetString());
        Assert.Equal(resolution.ToString(), done.GetProperty("resolution").ToString());
        Assert.Equal(asked, s.Archive.Upstream.RequestsTo("t.co").Count + s.Archive.Upstream.RequestsTo("twitter.com").Count);
        // The later attempt lists the short link on the tweet, as an attempt that did not throw would have.
        var tweet = await s.Archive.GetJsonAsync($"/api/tweets/{EvidenceScenario.Tweet.Id}");
        var listed = Assert.Single(tweet.GetProperty("shortLinks").EnumerateArray());
        Assert.Equal(
            resolution.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("sha256").GetString()),
            listed.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task Archive_ShortLinkTransientThenResolved_ThePendingCitationShowsTheTransientResolutionAndTheTimerResolvesAgain_Issue15()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "1" });
        s.Archive.Upstream.ShortLink(EvidenceScenario.ShortLinkCode).Always(Fakes.FakeReply.ServerError(503));

        var (response, answer) = await s.Archive.ArchiveAsync($"Tide tables for the week, as posted: https://t.co/{EvidenceScenario.ShortLinkCode}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var self = answer.GetProperty("self").GetString()!;
        var pending = (await s.Archive.GetJsonAsync(self)).GetProperty("citations")[0];
        Assert.Equal("pending", pending.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("tweetId").ValueKind);
        var transient = pending.GetProperty("resolution");
        Assert.Equal("transient", transient.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, transient.GetProperty("tweetId").ValueKind);
        Assert.All(transient.GetProperty("hops").EnumerateArray(), h => Assert.Equal(503, h.GetProperty("status").GetInt32()));
        s.Archive.Upstream.ShortLink(EvidenceScenario.ShortLinkCode).Always(Fakes.FakeReply.Redirect(EvidenceScenario.SecondHopUrl));

        var timer = await s.Archive.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, timer.StatusCode);
        var done = (await s.Archive.GetJsonAsync(self)).GetProperty("citations")[0];
        Assert.Equal("archived", done.GetProperty("outcome").GetString());
        var resolved = done.GetProperty("resolution");
        Assert.Equal("tweet", resolved.GetProperty("status").GetString());
        Assert.Equal(EvidenceScenario.Tweet.Id, resolved.GetProperty("tweetId").GetString());
        Assert.Equal([301, 200, 301], resolved.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("status").GetInt32()));
    }
}

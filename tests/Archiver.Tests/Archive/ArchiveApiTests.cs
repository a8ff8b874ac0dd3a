using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Archive;

/// <summary><c>POST /api/archive</c> end to end: the app on Azurite, the upstream played by the fake over loopback.</summary>
public sealed class ArchiveApiTests(AzuriteFixture azurite)
{
    private static readonly byte[] PhotoBytes = FakeReply.GeneratedBytes(50_000);
    private static readonly byte[] AvatarBytes = FakeReply.GeneratedBytes(4_000).Reverse().ToArray();

    private static FakeTweet PhotoTweet(string id = "1777777777777777777", string key = "GKtQ3bWXsAAm9Pz") => new()
    {
        Id = id,
        Text = "Ferry timetable pinned to the harbour office door this morning.",
        ScreenName = "quay_notes",
        Name = "Quay Notes",
        Photos = [new FakePhoto(key, AltText: "A printed timetable behind glass")],
    };

    private static void Serve(ArchiveScenario s, FakeTweet tweet)
    {
        s.Upstream.AddTweet(tweet);
        foreach (var photo in tweet.Photos)
        {
            s.Upstream.AddMedia(photo.SizeUrl("orig"), PhotoBytes, "image/jpeg");
        }

        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), AvatarBytes, "image/jpeg");
    }

    [Fact]
    public async Task Archive_StatusLink_SnapshotWithMediaRawBodiesAndHashes()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);

        var (response, body) = await s.ArchiveAsync($"As reported: https://twitter.com/quay_notes/status/{tweet.Id}?s=20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("complete", body.GetProperty("status").GetString());
        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.Equal("archived", citation.GetProperty("outcome").GetString());
        Assert.Equal($"/api/tweets/{tweet.Id}", citation.GetProperty("tweet").GetString());

        var view = await s.GetJsonAsync($"/api/tweets/{tweet.Id}");
        Assert.Equal("available", view.GetProperty("status").GetString());
        var snapshot = view.GetProperty("latest");
        Assert.Equal("archiver.snapshot/1", snapshot.GetProperty("schema").GetString());
        Assert.Equal(tweet.Text, snapshot.GetProperty("tweet").GetProperty("text").GetString());
        Assert.Equal("quay_notes", snapshot.GetProperty("tweet").GetProperty("author").GetProperty("screenName").GetString());
        Assert.Equal("syndication", snapshot.GetProperty("tweetSource").GetString());
        Assert.Contains("twitter-tweet", snapshot.GetProperty("embedHtml").GetString());

        var media = snapshot.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("role").GetString() == "media");
        Assert.Equal(ArchiveScenario.Sha256(PhotoBytes), media.GetProperty("sha256").GetString());
        Assert.Equal(PhotoBytes.Length, media.GetProperty("size").GetInt64());
        Assert.Equal("image/jpeg", media.GetProperty("contentType").GetString());
        Assert.Equal("A printed timetable behind glass", media.GetProperty("altText").GetString());
        Assert.Equal(PhotoBytes, await s.BlobBytesAsync(media.GetProperty("blob").GetString()!));
        var avatar = snapshot.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("role").GetString() == "avatar");
        Assert.Equal(ArchiveScenario.Sha256(AvatarBytes), avatar.GetProperty("sha256").GetString());

        // Every upstream body is kept verbatim, and its recorded hash is the hash of what is stored.
        var sources = snapshot.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Contains(sources, x => x.GetProperty("source").GetString() == "syndication" && x.GetProperty("status").GetInt32() == 200);
        Assert.Contains(sources, x => x.GetProperty("source").GetString() == "oembed");
        var redirect = Assert.Single(sources, x => x.GetProperty("status").GetInt32() == 301);
        Assert.StartsWith("https://publish.x.com/oembed?", redirect.GetProperty("location").GetString(), StringComparison.Ordinal);
        foreach (var source in sources)
        {
            Assert.StartsWith("https://", source.GetProperty("url").GetString());
            var raw = await s.BlobBytesAsync(source.GetProperty("blob").GetString()!);
            Assert.Equal(source.GetProperty("sha256").GetString(), ArchiveScenario.Sha256(raw));
        }
    }

    [Fact]
    public async Task Archive_Outcomes_CountedOnTheArchiverMeter()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        using var outcomes = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(s.App.Services),
            Archiver.Telemetry.ArchiverMetrics.MeterName, Archiver.Telemetry.ArchiverMetrics.ArchiveOutcomes);
        var tweet = PhotoTweet();
        Serve(s, tweet);

        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id} and a signature — Quay Notes (@quay_notes) April 9, 2024");

        Assert.Equal(["archived", "unresolved"], outcomes.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!).Order());
    }

    [Fact]
    public async Task Archive_SameArticleTwice_FetchesOnceAndKeepsOneVersion()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);
        var article = $"https://x.com/quay_notes/status/{tweet.Id}";

        await s.ArchiveAsync(article);
        var fetchesAfterFirst = s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count;
        var (second, body) = await s.ArchiveAsync(article);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("archived", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        Assert.Equal(fetchesAfterFirst, s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count);
        Assert.Single(await s.BlobNamesAsync($"tweets/{tweet.Id}/snapshots/"));
    }

    [Fact]
    public async Task Archive_RefreshWithUnchangedContent_FetchesAgainWithoutANewVersion()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);
        var article = $"https://x.com/quay_notes/status/{tweet.Id}";
        await s.ArchiveAsync(article);
        s.Upstream.AddTweet(tweet with { Likes = 9_999, Replies = 500 });

        var (response, _) = await s.ArchiveAsync(article, "?refresh=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count);
        Assert.Single(await s.BlobNamesAsync($"tweets/{tweet.Id}/snapshots/"));
        Assert.Equal(2, (await s.BlobNamesAsync("media/")).Length); // the photo and the avatar, each once
    }

    [Fact]
    public async Task Archive_TwoTweetsWithTheSameImage_StoreItOnce()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var first = PhotoTweet("1777777777777777777", "GKtQ3bWXsAAm9Pz");
        var second = PhotoTweet("1777777777777777778", "HLuR4cXYtBBn0Qa") with { ScreenName = "quay_notes" };
        Serve(s, first);
        Serve(s, second);

        var (response, _) = await s.ArchiveAsync($"x.com/quay_notes/status/{first.Id} and x.com/quay_notes/status/{second.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var media = await s.BlobNamesAsync("media/");
        Assert.Contains($"media/{ArchiveScenario.Sha256(PhotoBytes)}", media);
        Assert.Equal(2, media.Length); // the shared photo once, the shared avatar once
    }

    [Fact]
    public async Task Archive_PicTwitterShortLinkWithSignature_ResolvedThroughTco()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);
        s.Upstream.AddShortLink("Zr8VbT4kYc", $"https://x.com/quay_notes/status/{tweet.Id}/photo/1");

        var (response, body) = await s.ArchiveAsync("Ferry timetable pinned to the harbour office door this morning. pic.twitter.com/Zr8VbT4kYc — Quay Notes (@quay_notes) April 9, 2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.Equal("archived", citation.GetProperty("outcome").GetString());
        Assert.Equal(tweet.Id, citation.GetProperty("tweetId").GetString());
        Assert.Equal("https://pic.twitter.com/Zr8VbT4kYc", citation.GetProperty("shortLink").GetString());
        Assert.Contains(s.Upstream.RequestsTo("t.co"), r => r.PathAndQuery.Contains("Zr8VbT4kYc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Archive_MediaLinkOfAnotherHandle_UnresolvedNotTheWrongTweet()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        s.Upstream.AddShortLink("Ab1Cd2Ef3G", "https://x.com/original_poster/status/1666666666666666666/video/1");

        var (_, body) = await s.ArchiveAsync("Look at this pic.twitter.com/Ab1Cd2Ef3G — Someone Else (@someone_else) May 2, 2023");

        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.Equal("unresolved", citation.GetProperty("outcome").GetString());
        Assert.Contains("re-used", citation.GetProperty("error").GetString());
        Assert.Empty(s.Upstream.RequestsTo("cdn.syndication.twimg.com"));
    }

    [Fact]
    public async Task Archive_TcoLinkToAnotherSite_NotATweetWithItsTarget()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        s.Upstream.AddShortLink("Qx7LmN2pAa", "https://example.org/tides/live");

        var (_, body) = await s.ArchiveAsync("Live readings at https://t.co/Qx7LmN2pAa");

        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.Equal("not_a_tweet", citation.GetProperty("outcome").GetString());
        Assert.Equal("https://example.org/tides/live", citation.GetProperty("target").GetString());
        Assert.Empty(s.Upstream.RequestsTo("example.org"));
    }

    [Fact]
    public async Task Archive_SignatureWithoutLink_UnresolvedWithItsQuotedText()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);

        var (response, body) = await s.ArchiveAsync("The quay is closed until noon. — Quay Notes (@quay_notes) April 9, 2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.Equal("unresolved", citation.GetProperty("outcome").GetString());
        Assert.Equal("quay_notes", citation.GetProperty("embed").GetProperty("screenName").GetString());
        Assert.Equal("The quay is closed until noon.", citation.GetProperty("embed").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Archive_DeletedTweet_UnavailableWithTheReason()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        s.Upstream.Syndication("1555555555555555555").Always(FakeReply.Json(FakePayloads.Tombstone("This Post was deleted by the Post author. Learn more")));
        s.Upstream.FxTwitter("1555555555555555555").Always(FakeReply.Json(FakePayloads.FxTwitterError(404, "NOT_FOUND"), 404));

        var (response, body) = await s.ArchiveAsync("x.com/gone_user/status/1555555555555555555");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.Equal("unavailable", citation.GetProperty("outcome").GetString());
        Assert.Equal("deleted", citation.GetProperty("reason").GetString());
        var view = await s.GetJsonAsync("/api/tweets/1555555555555555555");
        Assert.Equal("unavailable", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("wording").GetString()!.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Archive_UpstreamDown_PendingThenFinishedByTheTimer()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "1" });
        var tweet = PhotoTweet();
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.ServerError(503));

        var (response, body) = await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var self = body.GetProperty("self").GetString()!;
        Assert.Equal(self, response.Headers.Location?.OriginalString);
        Assert.Equal("pending", (await s.GetJsonAsync(self)).GetProperty("citations")[0].GetProperty("outcome").GetString());

        // The upstream comes back; the host fires the timer.
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.Json(FakePayloads.Syndication(tweet)));
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.Json(FakePayloads.OEmbed(tweet)));
        Serve(s, tweet);
        var timer = await s.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, timer.StatusCode);
        var after = await s.GetJsonAsync(self);
        Assert.Equal("complete", after.GetProperty("status").GetString());
        Assert.Equal("archived", after.GetProperty("citations")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Archive_NoTimeBudget_SubmissionStoredBeforeTheAnswer()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Archive:TimeBudget"] = "00:00:00" });
        var tweet = PhotoTweet();
        Serve(s, tweet);

        var (response, body) = await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("id").GetString();
        Assert.Contains($"submissions/{id}.json", await s.BlobNamesAsync("submissions/"));
        Assert.Equal("pending", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Archive_QuotedTweet_ArchivedAsItsOwnTweet()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var quoted = new FakeTweet { Id = "1777777777777777700", Text = "Pier lights switched to the winter schedule.", ScreenName = "pier_office", Name = "Pier Office", UserId = "900000000000000007" };
        var tweet = PhotoTweet() with { Quoted = quoted };
        Serve(s, tweet);
        Serve(s, quoted);

        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");

        var view = await s.GetJsonAsync($"/api/tweets/{quoted.Id}");
        Assert.Equal("available", view.GetProperty("status").GetString());
        Assert.Equal(quoted.Text, view.GetProperty("latest").GetProperty("tweet").GetProperty("text").GetString());
        var main = await s.GetJsonAsync($"/api/tweets/{tweet.Id}");
        Assert.Contains(main.GetProperty("related").EnumerateArray(), r => r.GetString() == quoted.Id);
    }

    [Fact]
    public async Task GetMedia_Standalone_StreamsWithRange()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        var mediaLink = (await s.GetJsonAsync($"/api/tweets/{tweet.Id}")).GetProperty("links").GetProperty("media")[0].GetString()!;

        var whole = await s.Client.GetAsync(mediaLink, TestContext.Current.CancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Get, mediaLink);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        var part = await s.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("image/jpeg", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", whole.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(whole.Headers.ETag);
        Assert.Equal(PhotoBytes, await whole.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(PhotoBytes[100..200], await part.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetMedia_RedirectMode_RedirectsToAReadOnlySasUrl()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Downloads:Mode"] = "Redirect" });
        var tweet = PhotoTweet();
        Serve(s, tweet);
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        var mediaLink = (await s.GetJsonAsync($"/api/tweets/{tweet.Id}")).GetProperty("links").GetProperty("media")[0].GetString()!;

        var response = await s.Client.GetAsync(mediaLink, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sas = response.Headers.Location!;
        Assert.Contains("sp=r", sas.Query, StringComparison.Ordinal);
        Assert.Contains("sig=", sas.Query, StringComparison.Ordinal);
        using var direct = new HttpClient();
        Assert.Equal(PhotoBytes, await direct.GetByteArrayAsync(sas, TestContext.Current.CancellationToken));
        var write = await direct.PutAsync(sas, new ByteArrayContent([1]), TestContext.Current.CancellationToken);
        Assert.False(write.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Archive_ManyCitationsFinishingAtOnce_EveryResultStoredWithoutLostRaces()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Archive:Parallelism"] = "16" });
        var tweets = Enumerable.Range(0, 48).Select(n => PhotoTweet((1777777777777700000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture), $"GKtQ3bWXsAAm{n:D3}")).ToArray();
        foreach (var tweet in tweets)
        {
            Serve(s, tweet);
            // One latency for all: the citations of each wave finish together and record their results at once.
            s.Upstream.Syndication(tweet.Id).Always(FakeReply.Json(FakePayloads.Syndication(tweet)).After(TimeSpan.FromMilliseconds(300)));
        }

        var (response, body) = await s.ArchiveAsync(string.Join("\n", tweets.Select(t => $"x.com/quay_notes/status/{t.Id}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await s.GetJsonAsync(body.GetProperty("self").GetString()!);
        Assert.Equal("complete", stored.GetProperty("status").GetString());
        Assert.Equal(tweets.Select(t => t.Id).Order(), stored.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("tweetId").GetString()!).Order());
        Assert.All(stored.GetProperty("citations").EnumerateArray(), c => Assert.Equal("archived", c.GetProperty("outcome").GetString()));
        Assert.Equal(48, (await s.BlobNamesAsync("tweets/")).Count(n => n.EndsWith("/state.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetBundle_Standalone_StreamedAsBuiltAndVerifiable()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");

        var response = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/bundle", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"tweet-{tweet.Id}.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        // Streamed while it is built: no length known in advance, and nothing kept in storage.
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        AssertVerifiableBundle(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), tweet);
        Assert.Empty(await s.BlobNamesAsync("exports/"));
    }

    [Fact]
    public async Task GetBundle_RedirectMode_BuiltOnceIntoExportsThenRedirectedToSas()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Downloads:Mode"] = "Redirect" });
        var tweet = PhotoTweet();
        Serve(s, tweet);
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        var version = (await s.GetJsonAsync($"/api/tweets/{tweet.Id}")).GetProperty("versions")[0].GetProperty("version").GetString();

        var first = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/bundle", TestContext.Current.CancellationToken);
        var export = await s.Container.GetBlobClient($"exports/{tweet.Id}/{version}.zip").GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);
        var second = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/bundle", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([$"exports/{tweet.Id}/{version}.zip"], await s.BlobNamesAsync("exports/"));
        using var direct = new HttpClient();
        var zip = await direct.GetAsync(first.Headers.Location!, TestContext.Current.CancellationToken);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        AssertVerifiableBundle(await zip.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), tweet);
        // The second request served the same export, not a rebuilt one.
        var again = await s.Container.GetBlobClient($"exports/{tweet.Id}/{version}.zip").GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(export.Value.ETag, again.Value.ETag);
    }

    [Fact]
    public async Task GetBundle_HostileText_OfflineViewEscapesItAndLoadsNothingExternal()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet() with
        {
            Text = "Look <img src=https://tracker.example/p.gif onerror=alert(1)> & \"quotes\" <script>alert(2)</script>",
            Name = "</h1><iframe src=//evil.example>",
        };
        Serve(s, tweet);
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");

        var bytes = await s.Client.GetByteArrayAsync($"/api/tweets/{tweet.Id}/bundle", TestContext.Current.CancellationToken);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var html = new StreamReader(zip.GetEntry("index.html")!.Open()).ReadToEnd();
        Assert.Contains("Look &lt;img src=https://tracker.example/p.gif onerror=alert(1)&gt; &amp; &quot;quotes&quot; &lt;script&gt;", html);
        Assert.Contains("&lt;/h1&gt;&lt;iframe src=//evil.example&gt;", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        var references = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("media/", r, StringComparison.Ordinal));
        Assert.All(references, r => Assert.NotNull(zip.GetEntry(r)));
    }

    [Fact]
    public async Task GetBundle_NotArchivedOrNeverCaptured_NotFoundJsonSayingWhich()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.OEmbed(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.ServerError(503));
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");

        var unknown = await s.Client.GetAsync("/api/tweets/123/bundle", TestContext.Current.CancellationToken);
        var pending = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/bundle", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Tweet 123 is not in the archive.", (await ArchiveScenario.BodyAsync(unknown)).GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
        Assert.Equal($"Tweet {tweet.Id} has no capture to bundle yet (status: pending).", (await ArchiveScenario.BodyAsync(pending)).GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(await s.BlobNamesAsync("exports/"));
    }

    /// <summary>The bundle holds snapshots, raw bodies, the photo, index.html; SHA256SUMS and manifest.json list every other file with its true hash.</summary>
    private static void AssertVerifiableBundle(byte[] bytes, FakeTweet tweet)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains(names, n => n.StartsWith("snapshots/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("raw/", StringComparison.Ordinal));
        Assert.Contains("index.html", names);
        Assert.Contains("state.json", names);
        Assert.Contains($"media/{ArchiveScenario.Sha256(PhotoBytes)}.jpg", names);
        var sums = new StreamReader(zip.GetEntry("SHA256SUMS")!.Open()).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(names.Length - 2, sums.Length); // every file but the manifest and the sums themselves
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(tweet.Id, manifest.RootElement.GetProperty("tweetId").GetString());
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal(sums.Select(l => l[66..]).Order(), files.Keys.Order());
        foreach (var line in sums)
        {
            var (hash, path) = (line[..64], line[66..]);
            using var entry = new MemoryStream();
            zip.GetEntry(path)!.Open().CopyTo(entry);
            Assert.Equal(hash, ArchiveScenario.Sha256(entry.ToArray()));
            Assert.Equal(hash, files[path].GetProperty("sha256").GetString());
            Assert.Equal(entry.Length, files[path].GetProperty("size").GetInt64());
        }

        var html = new StreamReader(zip.GetEntry("index.html")!.Open()).ReadToEnd();
        Assert.Contains(tweet.Text, html);
    }

    [Fact]
    public async Task GetTweet_NotArchived_NotFoundJson()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);

        var missing = await s.Client.GetAsync("/api/tweets/123", TestContext.Current.CancellationToken);
        var invalid = await s.Client.GetAsync("/api/tweets/12x", TestContext.Current.CancellationToken);
        var submission = await s.Client.GetAsync("/api/submissions/nope", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", (await ArchiveScenario.BodyAsync(missing)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submission.StatusCode);
    }

    [Fact]
    public async Task ListTweets_ByStatus_OnlyThatStatus()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = PhotoTweet();
        Serve(s, tweet);
        s.Upstream.Syndication("1555555555555555555").Always(FakeReply.Json(FakePayloads.Tombstone("This Post was deleted by the Post author. Learn more")));
        s.Upstream.FxTwitter("1555555555555555555").Always(FakeReply.Json(FakePayloads.FxTwitterError(404, "NOT_FOUND"), 404));
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id} x.com/gone/status/1555555555555555555");

        var all = await s.GetJsonAsync("/api/tweets");
        var available = await s.GetJsonAsync("/api/tweets?status=available");
        var bad = await s.Client.GetAsync("/api/tweets?status=vanished", TestContext.Current.CancellationToken);

        Assert.Equal(2, all.GetProperty("tweets").GetArrayLength());
        Assert.Equal(tweet.Id, Assert.Single(available.GetProperty("tweets").EnumerateArray()).GetProperty("tweetId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Archive;

/// <summary>The reference's upstream scenarios through <c>POST /api/archive</c>, end to end on Azurite.</summary>
public sealed class ArchiveScenarioTests(AzuriteFixture azurite)
{
    private static readonly (string Code, string Handle, string Id)[] SeedEmbeds =
    [
        ("rtVCutBtcO", "jardemalie", "1479372300000000001"),
        ("BVbPGKX3w0", "abdujalil", "1478400000000000002"),
        ("zwVzLRbFOW", "AlexKokcharov", "1479470000000000003"),
        ("0RDJ9Lg69T", "Jake_Hanrahan", "1479100000000000004"),
        ("Ix5TEp187a", "ThomasVLinge", "1478390000000000005"),
    ];

    private static byte[] Bytes(int length, int seed) => [.. FakeReply.GeneratedBytes(length + seed).Skip(seed)];

    [Fact]
    public async Task Archive_SeedArticle_FiveShortLinksBecomeFiveTweetsWithTheirPhotos()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var photos = new Dictionary<string, byte[]>();
        for (var i = 0; i < SeedEmbeds.Length; i++)
        {
            var (code, handle, id) = SeedEmbeds[i];
            var key = $"FAKEkey{i}AbCdEfGh";
            var tweet = s.Upstream.AddTweet(new FakeTweet { Id = id, ScreenName = handle, Name = handle, Text = $"Made-up tweet number {i}", Photos = [new FakePhoto(key)], MediaCode = code });
            photos[id] = Bytes(30_000, i);
            s.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), photos[id], "image/jpeg");
            s.Upstream.AddShortLink(code, $"https://x.com/{handle}/status/{id}/photo/1");
        }

        var (response, body) = await s.ArchiveAsync(await File.ReadAllTextAsync(RepositoryPaths.SeedArticle, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var citations = body.GetProperty("citations").EnumerateArray().ToArray();
        Assert.Equal(SeedEmbeds.Select(e => e.Id), citations.Select(c => c.GetProperty("tweetId").GetString()));
        Assert.All(citations, c => Assert.Equal("archived", c.GetProperty("outcome").GetString()));
        foreach (var (_, handle, id) in SeedEmbeds)
        {
            var tweet = await s.GetJsonAsync($"/api/tweets/{id}");
            Assert.Equal(handle, tweet.GetProperty("screenName").GetString());
            var media = tweet.GetProperty("latest").GetProperty("files").EnumerateArray().Single(f => f.GetProperty("role").GetString() == "media");
            Assert.Equal(ArchiveScenario.Sha256(photos[id]), media.GetProperty("sha256").GetString());
            Assert.Equal(photos[id], await s.BlobBytesAsync(media.GetProperty("blob").GetString()!));
        }
    }

    [Fact]
    public async Task Archive_FourPhotosAndAGif_AllSavedInOrder()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var album = s.Upstream.AddTweet(new FakeTweet
        {
            Id = "1777777777777777001",
            Photos = [new FakePhoto("AAAAAAAAAAAAAA1"), new FakePhoto("AAAAAAAAAAAAAA2", "png"), new FakePhoto("AAAAAAAAAAAAAA3"), new FakePhoto("AAAAAAAAAAAAAA4")],
        });
        for (var i = 0; i < 4; i++)
        {
            s.Upstream.AddMedia(album.Photos[i].SizeUrl("orig"), Bytes(2_000, i), album.Photos[i].Format == "png" ? "image/png" : "image/jpeg");
        }

        var gif = s.Upstream.AddTweet(new FakeTweet
        {
            Id = "1777777777777777002",
            Video = new FakeVideo("GIFkeyAbCdEfGhI", [new FakeVariant("https://video.twimg.com/tweet_video/GIFkeyAbCdEfGhI.mp4", "video/mp4", 0)], Gif: true),
        });
        s.Upstream.AddMedia("https://video.twimg.com/tweet_video/GIFkeyAbCdEfGhI.mp4", Bytes(5_000, 9), "video/mp4");
        s.Upstream.AddMedia(gif.Video!.PosterUrl, Bytes(500, 8), "image/jpeg");

        await s.ArchiveAsync($"x.com/a/status/{album.Id} x.com/a/status/{gif.Id}");

        var albumFiles = (await s.GetJsonAsync($"/api/tweets/{album.Id}")).GetProperty("latest").GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("role").GetString() == "media").ToArray();
        Assert.Equal([0, 1, 2, 3], albumFiles.Select(f => f.GetProperty("index").GetInt32()));
        Assert.Equal("image/png", albumFiles[1].GetProperty("contentType").GetString());
        var gifSnapshot = (await s.GetJsonAsync($"/api/tweets/{gif.Id}")).GetProperty("latest");
        Assert.Equal("animated_gif", gifSnapshot.GetProperty("tweet").GetProperty("media")[0].GetProperty("kind").GetString());
        Assert.Contains(gifSnapshot.GetProperty("files").EnumerateArray(), f => f.GetProperty("contentType").GetString() == "video/mp4");
        Assert.Contains(gifSnapshot.GetProperty("files").EnumerateArray(), f => f.GetProperty("role").GetString() == "poster");
    }

    [Fact]
    public async Task Archive_ReplyWithParent_ParentArchivedAndLinked()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var parent = new FakeTweet { Id = "1888888000000000000", Text = "West pier shut for repairs.", ScreenName = "pier_office", UserId = "900000000000000009" };
        var reply = s.Upstream.AddTweet(new FakeTweet { Id = "1888888888888888888", Text = "Is the east pier shut as well?", Parent = parent });

        await s.ArchiveAsync($"x.com/a/status/{reply.Id}");

        var replyView = await s.GetJsonAsync($"/api/tweets/{reply.Id}");
        Assert.Equal(parent.Id, replyView.GetProperty("latest").GetProperty("tweet").GetProperty("parentTweetId").GetString());
        Assert.Contains(replyView.GetProperty("related").EnumerateArray(), r => r.GetString() == parent.Id);
        Assert.Equal(parent.Text, (await s.GetJsonAsync($"/api/tweets/{parent.Id}")).GetProperty("latest").GetProperty("tweet").GetProperty("text").GetString());
    }

    public static TheoryData<string> PassingFailures => ["reset", "slow", "429", "503"];

    [Theory]
    [MemberData(nameof(PassingFailures))]
    public async Task Archive_UpstreamFailsOnceThenAnswers_Archived(string failure)
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:AttemptTimeout"] = "00:00:01" });
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777003" });
        s.Upstream.Syndication(tweet.Id).Then(failure switch
        {
            "reset" => FakeReply.ConnectionReset,
            "slow" => FakeReply.Json(FakePayloads.Syndication(tweet)).After(TimeSpan.FromSeconds(5)),
            "429" => FakeReply.TooManyRequests(TimeSpan.FromSeconds(1)),
            _ => FakeReply.ServerError(503),
        });

        var (response, body) = await s.ArchiveAsync($"x.com/a/status/{tweet.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("archived", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        Assert.Equal("syndication", (await s.GetJsonAsync($"/api/tweets/{tweet.Id}")).GetProperty("latest").GetProperty("tweetSource").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("html")]
    public async Task Archive_SyndicationUnusableFxTwitterAnswers_PartialFromFxTwitter_Issue11(string answer)
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777004" });
        s.Upstream.Syndication(tweet.Id).Always(answer == "{}" ? FakeReply.EmptyObject : FakeReply.BlockedHtml);

        var (_, body) = await s.ArchiveAsync($"x.com/a/status/{tweet.Id}");

        // The richest source failed for now: the capture is stored but partial, never "archived".
        var citation = body.GetProperty("citations")[0];
        Assert.Equal("partial", citation.GetProperty("outcome").GetString());
        Assert.Contains(citation.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("syndication failed", StringComparison.Ordinal));
        var view = await s.GetJsonAsync($"/api/tweets/{tweet.Id}");
        Assert.Equal("available", view.GetProperty("status").GetString());
        var latest = view.GetProperty("latest");
        Assert.Equal("fxtwitter", latest.GetProperty("tweetSource").GetString());
        var completeness = latest.GetProperty("completeness");
        Assert.False(completeness.GetProperty("complete").GetBoolean());
        Assert.Equal("fxtwitter", completeness.GetProperty("parts").GetProperty("text").GetString());
        Assert.Contains(completeness.GetProperty("failures").EnumerateArray(), f => f.GetProperty("source").GetString() == "syndication" && f.GetProperty("kind").GetString() == "transient");
        Assert.Contains(completeness.GetProperty("missing").EnumerateArray(), m => m.GetProperty("part").GetString() == "card");
    }

    [Fact]
    public async Task Archive_MediaOverTheCap_PartialWithAConclusiveMissingFileNotRetried()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Upstream:MaxMediaBytes"] = "100000" });
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777005", Photos = [new FakePhoto("BIGBIGBIGBIGBIG")] });
        s.Upstream.Url(tweet.Photos[0].SizeUrl("orig")).Always(FakeReply.Generated(5_000_000, "image/jpeg"));

        var (_, body) = await s.ArchiveAsync($"x.com/a/status/{tweet.Id}");

        Assert.Equal("partial", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        var view = await s.GetJsonAsync($"/api/tweets/{tweet.Id}");
        var snapshot = view.GetProperty("latest");
        Assert.DoesNotContain(snapshot.GetProperty("files").EnumerateArray(), f => f.GetProperty("role").GetString() == "media");
        Assert.Contains("TooLarge", snapshot.GetProperty("missing")[0].GetProperty("reason").GetString());
        Assert.Equal("conclusive", snapshot.GetProperty("completeness").GetProperty("missing")[0].GetProperty("kind").GetString());
        // Conclusive: tried once, never again right away, and the tweet goes back to the re-check cadence.
        Assert.Single(s.Upstream.Requests, r => r.Url == tweet.Photos[0].SizeUrl("orig"));
        Assert.Equal(TimeSpan.FromHours(1), view.GetProperty("nextCheckAt").GetDateTimeOffset() - view.GetProperty("lastCheckedAt").GetDateTimeOffset());
        Assert.False(view.GetProperty("complete").GetBoolean());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/admin")]
    [InlineData("https://evil.example/phish")]
    public async Task Archive_ShortLinkToAForbiddenPlace_ReportedNeverFetched(string target)
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        s.Upstream.AddShortLink("Zz9Yy8Xx7W", target);

        var (_, body) = await s.ArchiveAsync("see https://t.co/Zz9Yy8Xx7W");

        var citation = body.GetProperty("citations")[0];
        Assert.Equal("not_a_tweet", citation.GetProperty("outcome").GetString());
        Assert.Equal(target, citation.GetProperty("target").GetString());
        Assert.Single(s.Upstream.Requests);
    }

    [Fact]
    public async Task Archive_StorageFailsBeforeTheSnapshot_NothingVisibleAndARerunCompletes()
    {
        var failSnapshots = new FailOnce("/snapshots/");
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: services =>
            services.AddSingleton(provider => new BlobServiceClient(azurite.ConnectionString, WithPolicy(failSnapshots))));
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777006", Photos = [new FakePhoto("CCCCCCCCCCCCCC1")] });
        var photo = Bytes(10_000, 3);
        s.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), photo, "image/jpeg");

        var (first, body) = await s.ArchiveAsync($"x.com/a/status/{tweet.Id}");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("pending", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        Assert.Empty(await s.BlobNamesAsync($"tweets/{tweet.Id}/snapshots/"));
        Assert.Contains($"media/{ArchiveScenario.Sha256(photo)}", await s.BlobNamesAsync("media/"));

        var timer = await s.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, timer.StatusCode);
        Assert.Single(await s.BlobNamesAsync($"tweets/{tweet.Id}/snapshots/"));
        Assert.Single(await s.BlobNamesAsync("media/"), n => n == $"media/{ArchiveScenario.Sha256(photo)}");
        var after = await s.GetJsonAsync(body.GetProperty("self").GetString()!);
        Assert.Equal("archived", after.GetProperty("citations")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task GetBundle_StorageFailsMidStream_ConnectionAbortedNotACutOffZip()
    {
        var failMediaReads = new FailOnce("/media/", RequestMethod.Get);
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: services =>
            services.AddSingleton(provider => new BlobServiceClient(azurite.ConnectionString, WithPolicy(failMediaReads))));
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777007", Photos = [new FakePhoto("CCCCCCCCCCCCCC2")] });
        s.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), Bytes(10_000, 4), "image/jpeg");
        await s.ArchiveAsync($"x.com/a/status/{tweet.Id}");

        var response = await s.Client.GetAsync($"/api/tweets/{tweet.Id}/bundle", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        // The snapshots went out before the media read failed: the answer had begun, so only an abort can tell the client.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var retry = await s.Client.GetByteArrayAsync($"/api/tweets/{tweet.Id}/bundle", TestContext.Current.CancellationToken);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(retry));
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("media/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recheck_NothingChanged_NoMediaOrRawBodySentToStorageAgain()
    {
        var storage = new RecordRequests();
        await using var s = await ArchiveScenario.StartAsync(azurite, configure: services =>
            services.AddSingleton(provider => new BlobServiceClient(azurite.ConnectionString, WithPolicy(storage))));
        var tweet = s.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777008", Photos = [new FakePhoto("CCCCCCCCCCCCCC3")] });
        s.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), Bytes(10_000, 5), "image/jpeg");
        await s.ArchiveAsync($"x.com/a/status/{tweet.Id}");
        var before = storage.Count;

        var recheck = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, recheck.StatusCode);
        var during = storage.Since(before);
        Assert.DoesNotContain(during, r => r.Path.Contains("/media/", StringComparison.Ordinal) || r.Path.Contains("/raw/", StringComparison.Ordinal));
        Assert.Contains(during, r => r.Method == "PUT" && r.Path.EndsWith("/state.json", StringComparison.Ordinal));
        var view = await s.GetJsonAsync($"/api/tweets/{tweet.Id}");
        Assert.Equal(1, view.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task Archive_LargeMediaAlreadyStoredByAnotherInstance_LookedForNotUploaded()
    {
        await using var first = await ArchiveScenario.StartAsync(azurite);
        var tweet = first.Upstream.AddTweet(new FakeTweet { Id = "1777777777777777009", Photos = [new FakePhoto("CCCCCCCCCCCCCC4")] });
        var photo = Bytes((int)Archiver.Archive.ArchiveStore.LookBeforeUploadBytes + 1000, 6);
        first.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), photo, "image/jpeg");
        await first.ArchiveAsync($"x.com/a/status/{tweet.Id}");
        var storage = new RecordRequests();
        await using var second = await ArchiveScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Storage:Container"] = first.App.ContainerName }, services =>
            services.AddSingleton(provider => new BlobServiceClient(azurite.ConnectionString, WithPolicy(storage))));
        second.Upstream.AddTweet(tweet);
        second.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), photo, "image/jpeg");

        var (response, body) = await second.ArchiveAsync($"x.com/a/status/{tweet.Id}", "?refresh=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("archived", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        var photoBlob = $"/media/{ArchiveScenario.Sha256(photo)}";
        var toPhoto = storage.Since(0).Where(r => r.Path.EndsWith(photoBlob, StringComparison.Ordinal)).ToArray();
        Assert.Equal(["HEAD"], toPhoto.Select(r => r.Method));
        Assert.Equal(photo, await second.BlobBytesAsync(photoBlob.TrimStart('/')));
    }

    private static BlobClientOptions WithPolicy(HttpPipelinePolicy policy)
    {
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>Records the method and path of every storage request.</summary>
    private sealed class RecordRequests : HttpPipelineSynchronousPolicy
    {
        private readonly List<(string Method, string Path)> requests = [];

        public int Count
        {
            get
            {
                lock (requests)
                {
                    return requests.Count;
                }
            }
        }

        public (string Method, string Path)[] Since(int index)
        {
            lock (requests)
            {
                return [.. requests.Skip(index)];
            }
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            lock (requests)
            {
                requests.Add((message.Request.Method.Method, message.Request.Uri.Path));
            }
        }
    }

    /// <summary>Fails the first request (a PUT unless told) whose path contains <paramref name="path"/>, as a storage outage at that moment would.</summary>
    internal sealed class FailOnce(string path, RequestMethod? method = null) : HttpPipelineSynchronousPolicy
    {
        private int failed;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == (method ?? RequestMethod.Put) && message.Request.Uri.Path.Contains(path, StringComparison.Ordinal) && Interlocked.Exchange(ref failed, 1) == 0)
            {
                throw new RequestFailedException(503, "injected storage failure");
            }
        }
    }
}

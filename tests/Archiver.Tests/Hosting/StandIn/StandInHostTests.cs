using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Functions.Hosting;
using Archiver.Tests.Citations;
using Archiver.Tests.Fakes;
using Archiver.Tests.Hosting.StandIn.Rpc;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Hosting.StandIn;

/// <summary>
/// The published worker run the way the Functions host runs it (start-up switches, FunctionRpc over gRPC, HTTP
/// proxied to the worker's own endpoint, timers as TimerInfo JSON): that it starts, describes its functions rightly
/// and answers invocations. This is the test that says the app will start on Azure.
/// </summary>
public sealed class StandInHostTests(StandInWorker worker, AzuriteFixture azurite) : IClassFixture<StandInWorker>
{
    private static readonly byte[] AvatarBytes = FakeReply.GeneratedBytes(4_000);

    private StandInHost Host => worker.Host;

    [Fact]
    public void Startup_WorkerInit_SucceedsAndOffersItsHttpUri()
    {
        Assert.Equal(StatusResult.Types.Status.Success, Host.Init.Result.Status);
        Assert.Equal(".NET", Host.Init.WorkerMetadata.RuntimeName);
        Assert.True(Host.Init.Capabilities.ContainsKey("RawHttpBodyBytes"));
        Assert.Equal("http", Host.HttpUri.Scheme);
        Assert.True(Host.HttpUri.IsLoopback || Host.HttpUri.Host == "localhost", Host.HttpUri.ToString());
        Assert.False(Host.WorkerExited);
    }

    [Fact]
    public void Startup_Metadata_EveryFunctionIsDescribedAndLoads()
    {
        var declared = FunctionCatalog.ForApp().Functions.Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.False(Host.Metadata.UseDefaultMetadataIndexing);
        Assert.Equal(declared, Host.Metadata.FunctionMetadataResults.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(Host.Metadata.FunctionMetadataResults, f => Assert.False(string.IsNullOrEmpty(f.FunctionId), f.Name));
        Assert.Equal(declared, Host.Loads.Keys.Order(StringComparer.Ordinal));
        Assert.All(Host.Loads, load => Assert.True(load.Value.Result.Status == StatusResult.Types.Status.Success, $"{load.Key}: {load.Value.Result.Exception?.Message}"));
    }

    [Fact]
    public void Startup_Metadata_HasEachTriggerRouteMethodsAuthLevelAndSchedule()
    {
        var described = Host.Metadata.FunctionMetadataResults.ToDictionary(f => f.Name, f => WorkerFunction.FromBindings(f.Name, f.RawBindings));

        foreach (var function in FunctionCatalog.ForApp().Functions)
        {
            var metadata = described[function.Name];
            if (function.Http is not null)
            {
                Assert.Equal("httpTrigger", metadata.Trigger);
                Assert.Equal(function.Route, metadata.Route);
                Assert.Equal(function.Methods, metadata.Methods);
                Assert.Equal(function.IsAnonymous ? "Anonymous" : "Function", metadata.AuthLevel);
            }
            else
            {
                Assert.Equal("timerTrigger", metadata.Trigger);
                Assert.Equal(function.Timer!.Schedule, metadata.Schedule);
            }
        }

        Assert.Equal(("health", "Anonymous"), (described["Health"].Route, described["Health"].AuthLevel));
        Assert.Equal(["GET", "HEAD"], described["Health"].Methods);
        Assert.Equal(("tweets/{id}/bundle", "Function"), (described["GetBundle"].Route, described["GetBundle"].AuthLevel));
        Assert.Equal(("app/{*path}", "Anonymous"), (described["App"].Route, described["App"].AuthLevel));
        Assert.Equal(("timerTrigger", "%Archiver__Recheck__Schedule%"), (described["RecheckLinks"].Trigger, described["RecheckLinks"].Schedule));
    }

    [Fact]
    public async Task Health_Proxied_AnswersOkAndTheInvocationSucceeds()
    {
        var (response, invocation) = await Host.InvokeHttpAsync("Health", new HttpRequestMessage(HttpMethod.Get, "/api/health"), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
    }

    [Fact]
    public async Task Extract_SampleArticle_FindsItsFiveCitations()
    {
        var article = await SeedArticle.ReadAsync(TestContext.Current.CancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/extract") { Content = new StringContent(article, Encoding.UTF8, "text/plain") };

        var (response, invocation) = await Host.InvokeHttpAsync("Extract", request, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, body.RootElement.GetProperty("count").GetInt32());
        Assert.Contains(body.RootElement.GetProperty("citations").EnumerateArray(), c => c.GetProperty("shortLink").GetString() == "https://pic.twitter.com/rtVCutBtcO");
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
    }

    [Fact]
    public async Task Extract_MalformedJson_AnswersTheApisErrorShape()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/extract") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };

        var (response, invocation) = await Host.InvokeHttpAsync("Extract", request, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
    }

    [Fact]
    public async Task Archive_AgainstTheFakeUpstream_StoresTheTweet()
    {
        var tweet = Serve("1790000000000000001", "GStandIn01AAAAA", FakeReply.Bytes(FakeReply.GeneratedBytes(30_000), "image/jpeg"));

        var (response, body) = await ArchiveAsync(tweet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("archived", body.GetProperty("citations")[0].GetProperty("outcome").GetString());
        var blobs = azurite.CreateServiceClient().GetBlobContainerClient(worker.Container);
        Assert.True(await blobs.GetBlobClient($"tweets/{tweet.Id}/state.json").ExistsAsync(TestContext.Current.CancellationToken));
        var (tweetResponse, _) = await Host.InvokeHttpAsync("GetTweet", new HttpRequestMessage(HttpMethod.Get, $"/api/tweets/{tweet.Id}"), new Dictionary<string, string> { ["id"] = tweet.Id }, TestContext.Current.CancellationToken);
        using var view = JsonDocument.Parse(await tweetResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(tweet.Text, view.RootElement.GetProperty("latest").GetProperty("tweet").GetProperty("text").GetString());
    }

    [Fact]
    public async Task GetBundle_LargeMedia_ArrivesStreamedWhileTheFunctionRuns()
    {
        // 32 MB of media: far more than the socket and Kestrel buffers between worker and client hold, so the
        // function cannot have finished while the client has read only the first bytes.
        const int photoLength = 32 * 1024 * 1024;
        var tweet = Serve("1790000000000000002", "GStandIn02AAAAA", FakeReply.Generated(photoLength, "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, (await ArchiveAsync(tweet)).Response.StatusCode);

        var (response, invocation) = await Host.InvokeHttpAsync("GetBundle", new HttpRequestMessage(HttpMethod.Get, $"/api/tweets/{tweet.Id}/bundle"), new Dictionary<string, string> { ["id"] = tweet.Id }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var first = new byte[64 * 1024];
        await body.ReadExactlyAsync(first, TestContext.Current.CancellationToken);
        Assert.Equal((byte)'P', first[0]);
        Assert.False(invocation.IsCompleted, "The invocation ended before the client read the bundle: the response was buffered.");

        using var all = new MemoryStream();
        all.Write(first);
        await body.CopyToAsync(all, TestContext.Current.CancellationToken);
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
        all.Position = 0;
        using var zip = new ZipArchive(all, ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("media/", StringComparison.Ordinal) && e.Length == photoLength);
        Assert.Contains(zip.Entries, e => e.FullName == "SHA256SUMS");
    }

    [Fact]
    public async Task RecheckLinks_HostShapedTimerInfo_SucceedsAndLogsItsRun()
    {
        const string timerInfo = """
            {"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-25T08:45:00+00:00","Next":"2026-11-25T09:00:00+00:00","LastUpdated":"2026-11-25T08:45:00.0054321+00:00"},"IsPastDue":true}
            """;

        var response = await Host.InvokeTimerAsync("RecheckLinks", timerInfo, TestContext.Current.CancellationToken);

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception?.Message);
        var lines = Host.LogsOf(response.InvocationId).Select(l => l.Message).ToArray();
        Assert.Contains(lines, l => l.Contains("pending submission(s) finished", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(past due)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invocation_Failing_AnswersAFailedResponseAndTheWorkerKeepsServing()
    {
        var failed = await Host.InvokeTimerAsync("RecheckLinks", "{not a timer", TestContext.Current.CancellationToken);

        Assert.Equal(StatusResult.Types.Status.Failure, failed.Result.Status);
        Assert.False(string.IsNullOrEmpty(failed.Result.Exception?.Message));
        Assert.False(Host.WorkerExited);
        var (health, invocation) = await Host.InvokeHttpAsync("Health", new HttpRequestMessage(HttpMethod.Get, "/api/health"), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
    }

    [Fact]
    public async Task Extract_ApiKeySet_ServedWithoutKeyBecauseTheHostChecksKeys()
    {
        await using var keyed = await StandInWorker.StartAsync(azurite, worker.Upstream, $"standin-{Guid.NewGuid():n}", new Dictionary<string, string> { ["Archiver__ApiKey"] = "standalone-only" }, TestContext.Current.CancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/extract") { Content = new StringContent("see https://x.com/a/status/123", Encoding.UTF8, "text/plain") };

        var (response, _) = await keyed.InvokeHttpAsync("Extract", request, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetBundle_RedirectMode_AnswersAReadOnlySasUrlToItsExport()
    {
        await using var redirecting = await StandInWorker.StartAsync(azurite, worker.Upstream, worker.Container, new Dictionary<string, string> { ["Archiver__Downloads__Mode"] = "Redirect" }, TestContext.Current.CancellationToken);
        var tweet = Serve("1790000000000000003", "GStandIn03AAAAA", FakeReply.Bytes(FakeReply.GeneratedBytes(20_000), "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, (await ArchiveAsync(tweet)).Response.StatusCode);

        var (response, invocation) = await redirecting.InvokeHttpAsync("GetBundle", new HttpRequestMessage(HttpMethod.Get, $"/api/tweets/{tweet.Id}/bundle"), new Dictionary<string, string> { ["id"] = tweet.Id }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Contains("sp=r", location.Query, StringComparison.Ordinal);
        Assert.Contains($"/{worker.Container}/exports/{tweet.Id}/", location.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
    }

    [Fact]
    public async Task SubmissionEvents_RespondAsync_StepsStreamThroughTheHostsProxy_14()
    {
        var tweet = Serve("1790000000000000014", "GStandIn14AAAAA", FakeReply.Bytes(FakeReply.GeneratedBytes(20_000), "image/jpeg"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/archive") { Content = new StringContent($"As reported: https://x.com/{tweet.ScreenName}/status/{tweet.Id}", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Prefer", "respond-async");
        var (response, invocation) = await Host.InvokeHttpAsync("Archive", request, null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);

        var (stream, streaming) = await Host.InvokeHttpAsync(
            "GetSubmissionEvents", new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}/events"), new Dictionary<string, string> { ["id"] = id }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        var events = new List<System.Net.ServerSentEvents.SseItem<string>>();
        await using (var body = await stream.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))
        {
            await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(body).EnumerateAsync(TestContext.Current.CancellationToken))
            {
                events.Add(item);
            }
        }

        Assert.Equal("submission", events[0].EventType);
        Assert.Equal("complete", events[^1].EventType);
        Assert.Contains(events, e => e.EventType == "step" && e.Data.Contains("\"step\":\"done\"", StringComparison.Ordinal) && e.Data.Contains("\"outcome\":\"archived\"", StringComparison.Ordinal));
        Assert.Equal(StatusResult.Types.Status.Success, (await streaming).Result.Status);
    }

    private FakeTweet Serve(string id, string photoKey, FakeReply photo)
    {
        var tweet = new FakeTweet
        {
            Id = id,
            Text = $"Harbour crane {id[^2..]} lifted the new pontoon into place.",
            ScreenName = "quay_notes",
            Name = "Quay Notes",
            Photos = [new FakePhoto(photoKey)],
        };
        worker.Upstream.AddTweet(tweet);
        worker.Upstream.Url(tweet.Photos[0].SizeUrl("orig")).Always(photo);
        worker.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), AvatarBytes, "image/jpeg");
        return tweet;
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> ArchiveAsync(FakeTweet tweet)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/archive") { Content = new StringContent($"As reported: https://x.com/{tweet.ScreenName}/status/{tweet.Id}", Encoding.UTF8, "text/plain") };
        var (response, invocation) = await Host.InvokeHttpAsync("Archive", request, null, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}

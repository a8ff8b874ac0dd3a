using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Archiver.Tests.Recheck;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Archive;

/// <summary>
/// Issue 11, rule 4: every snapshot blob is referenced by its tweet's state, or it is never written. A crash (a storage
/// failure injected into the app's own storage pipeline) between the snapshot and the state that lists it leaves the
/// snapshot named as pending; once that is older than the bound, the next check gives it up.
/// </summary>
public sealed class PendingSnapshotTests(AzuriteFixture azurite)
{
    /// <summary>Past <c>SnapshotWriter.PendingLifetime</c> (15 min).</summary>
    private static readonly TimeSpan PastTheBound = TimeSpan.FromMinutes(16);

    private static FakeTweet Tweet(string id) => new() { Id = id, Text = "The west pier is closed for repairs.", ScreenName = "quay_notes", Name = "Quay Notes" };

    [Fact]
    public async Task Archive_CrashAfterTheSnapshotBeforeTheStateListsIt_PendingThenGivenUpByALaterCheck_Issue11()
    {
        var crash = new FailStateWriteAfter(IsSnapshotPut);
        await using var s = await StartAsync(crash);
        var tweet = s.Upstream.AddTweet(Tweet("1777777777777777401"));

        var (status, outcome) = await ArchiveAsync(s, tweet.Id);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("pending", outcome);
        var written = Assert.Single(await SnapshotBlobsAsync(s, tweet.Id));
        var state = await StateAsync(s, tweet.Id);
        Assert.Equal([written], Pending(state));
        Assert.Empty(Listed(state));
        var view = await s.TweetAsync(tweet.Id);
        Assert.Equal(0, view.GetProperty("versions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("latest").ValueKind);

        await s.RunTimerAfterAsync(PastTheBound);

        var after = await StateAsync(s, tweet.Id);
        Assert.Empty(Pending(after));
        var listed = Assert.Single(Listed(after));
        Assert.NotEqual(written, listed);
        Assert.Equal([listed], await SnapshotBlobsAsync(s, tweet.Id));
        Assert.Equal("available", (await s.TweetAsync(tweet.Id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Archive_CrashBeforeTheSnapshotIsWritten_PendingEntryDroppedByALaterCheck_Issue11()
    {
        var crash = new FailFirstSnapshotPut();
        await using var s = await StartAsync(crash);
        var tweet = s.Upstream.AddTweet(Tweet("1777777777777777402"));

        var (status, _) = await ArchiveAsync(s, tweet.Id);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Empty(await SnapshotBlobsAsync(s, tweet.Id));
        var named = Assert.Single(Pending(await StateAsync(s, tweet.Id)));

        await s.RunTimerAfterAsync(PastTheBound);

        var after = await StateAsync(s, tweet.Id);
        Assert.Empty(Pending(after));
        var listed = Assert.Single(Listed(after));
        Assert.NotEqual(named, listed);
        Assert.Equal([listed], await SnapshotBlobsAsync(s, tweet.Id));
    }

    [Fact]
    public async Task Archive_CrashAfterTheSnapshotThenTheTweetIsDeleted_TheUnavailableCheckGivesItUp_Issue11()
    {
        var crash = new FailStateWriteAfter(IsSnapshotPut);
        await using var s = await StartAsync(crash);
        var tweet = s.Upstream.AddTweet(Tweet("1777777777777777404"));
        await ArchiveAsync(s, tweet.Id);
        var written = Assert.Single(Pending(await StateAsync(s, tweet.Id)));
        Assert.Equal([written], await SnapshotBlobsAsync(s, tweet.Id));
        s.Delete(tweet.Id);

        await s.RunTimerAfterAsync(PastTheBound);

        var after = await StateAsync(s, tweet.Id);
        Assert.Empty(Pending(after));
        Assert.Empty(Listed(after));
        Assert.Empty(await SnapshotBlobsAsync(s, tweet.Id));
    }

    [Fact]
    public async Task Recheck_SnapshotUploadOutlastsTheBound_GivenUpByALaterCheckNeverListed_Issue11()
    {
        var hold = new HoldSnapshotPut();
        await using var s = await StartAsync(hold);
        var tweet = s.Upstream.AddTweet(Tweet("1777777777777777403"));
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        var first = Assert.Single(Listed(await StateAsync(s, tweet.Id)));
        s.Upstream.AddTweet(tweet with { Text = "The west pier is open again." });
        hold.Arm();

        var slow = s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);
        string slowVersion;
        try
        {
            await hold.Reached.WaitAsync(TestContext.Current.CancellationToken);
            slowVersion = Assert.Single(Pending(await StateAsync(s, tweet.Id)));
            // Naming the snapshot kept the check's claim: the tweet is still held.
            var meanwhile = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Conflict, meanwhile.StatusCode);
            // The slow check's claim and its pending snapshot are both past their time: another check goes ahead.
            s.Time.Advance(PastTheBound);
            var later = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }
        finally
        {
            hold.Release();
        }

        var slowAnswer = await slow;

        Assert.Equal(HttpStatusCode.OK, slowAnswer.StatusCode);
        var slowCheck = (await ArchiveScenario.BodyAsync(slowAnswer)).GetProperty("check");
        Assert.Equal("pending", slowCheck.GetProperty("outcome").GetString());
        Assert.Contains("given up", slowCheck.GetProperty("error").GetString(), StringComparison.Ordinal);
        var after = await StateAsync(s, tweet.Id);
        Assert.Empty(Pending(after));
        var listed = Listed(after);
        Assert.Equal(2, listed.Length);
        Assert.Equal(first, listed[0]);
        Assert.DoesNotContain(slowVersion, listed);
        Assert.Equal(listed, await SnapshotBlobsAsync(s, tweet.Id));
        Assert.Equal("The west pier is open again.", (await s.TweetAsync(tweet.Id)).GetProperty("latest").GetProperty("tweet").GetProperty("text").GetString());
    }

    private async Task<RecheckScenario> StartAsync(HttpPipelinePolicy storage) =>
        await RecheckScenario.StartAsync(azurite, configure: services =>
        {
            var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
            options.AddPolicy(storage, HttpPipelinePosition.PerCall);
            services.AddSingleton(new BlobServiceClient(azurite.ConnectionString, options));
        });

    private static async Task<(HttpStatusCode Status, string? Outcome)> ArchiveAsync(RecheckScenario s, string id)
    {
        var response = await s.Client.PostAsync("/api/archive", new StringContent($"x.com/quay_notes/status/{id}", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        var body = await ArchiveScenario.BodyAsync(response);
        return (response.StatusCode, body.GetProperty("citations")[0].GetProperty("outcome").GetString());
    }

    private BlobContainerClient Container(RecheckScenario s) => azurite.CreateServiceClient().GetBlobContainerClient(s.App.ContainerName);

    /// <summary>The snapshot versions stored under <c>tweets/{id}/snapshots/</c>, in name order.</summary>
    private async Task<string[]> SnapshotBlobsAsync(RecheckScenario s, string id)
    {
        var prefix = $"tweets/{id}/snapshots/";
        var names = new List<string>();
        await foreach (var blob in Container(s).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, TestContext.Current.CancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                names.Add(blob.Name[prefix.Length..^".json".Length]);
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>The state as stored, read straight from the container.</summary>
    private async Task<JsonElement> StateAsync(RecheckScenario s, string id)
    {
        var content = await Container(s).GetBlobClient($"tweets/{id}/state.json").DownloadContentAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(content.Value.Content.ToString()).RootElement.Clone();
    }

    /// <summary>Every snapshot the state lists: each version's and the earlier captures it completes, in name order.</summary>
    private static string[] Listed(JsonElement state) =>
    [
        .. state.GetProperty("versions").EnumerateArray()
            .SelectMany(v => v.GetProperty("captures").EnumerateArray().Select(c => c.GetString()!).Append(v.GetProperty("version").GetString()!))
            .Order(StringComparer.Ordinal),
    ];

    private static string[] Pending(JsonElement state) =>
        state.TryGetProperty("pendingSnapshots", out var pending) ? [.. pending.EnumerateArray().Select(p => p.GetProperty("version").GetString()!)] : [];

    private static bool IsSnapshotPut(HttpMessage message) =>
        message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.Contains("/snapshots/", StringComparison.Ordinal)
        && message.Request.Uri.Path.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>Fails the first snapshot upload, as a crash just before it would.</summary>
    private sealed class FailFirstSnapshotPut : HttpPipelineSynchronousPolicy
    {
        private int failed;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (IsSnapshotPut(message) && Interlocked.Exchange(ref failed, 1) == 0)
            {
                throw new RequestFailedException(503, "injected storage failure");
            }
        }
    }

    /// <summary>Once armed, holds the next snapshot upload until released: a writer that stalls mid-way.</summary>
    private sealed class HoldSnapshotPut : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int armed;

        public Task Reached => reached.Task;

        public void Arm() => Interlocked.Exchange(ref armed, 1);

        public void Release() => released.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (IsSnapshotPut(message) && Interlocked.Exchange(ref armed, 0) == 1)
            {
                reached.TrySetResult();
                await released.Task;
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The archive's storage calls are asynchronous.");
    }
}

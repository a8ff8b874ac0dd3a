using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archiver.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Archiver.Tests.Recheck;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Archive;

/// <summary>
/// Issue 11: faults never degrade the evidence. Each rule of "What to build" on its own: completeness in the model,
/// partial captures finished at once and by the timer, versions only for upstream changes, every snapshot referenced,
/// and a dead claim that answers 409 until it expires.
/// </summary>
public sealed class CompletenessTests(AzuriteFixture azurite)
{
    private static readonly byte[] PhotoBytes = Bytes(4_000, 1);
    private static readonly byte[] SecondPhotoBytes = Bytes(5_000, 2);

    private static FakeTweet Tweet(string id, params FakePhoto[] photos) => new()
    {
        Id = id,
        Text = "The lock gates at the north basin stay shut until Friday.",
        ScreenName = "quay_notes",
        Name = "Quay Notes",
        Photos = photos,
    };

    [Fact]
    public async Task Archive_RichSourcesFailOnce_PartialStoredThenCompletedAtOnce_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = AddWithPhotos(s, Tweet("1791100000000000001", new FakePhoto("LockGateNorth01")));
        s.Upstream.Syndication(tweet.Id).Then(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(tweet.Id).Then(FakeReply.ServerError(503));

        var citation = await ArchiveAsync(s, tweet);

        // The oEmbed-only first capture is kept as evidence, never reported archived; the retry completes it.
        Assert.True("archived" == citation.GetProperty("outcome").GetString(), citation.ToString());
        var view = await s.TweetAsync(tweet.Id);
        Assert.True(view.GetProperty("complete").GetBoolean());
        var version = Assert.Single(view.GetProperty("versions").EnumerateArray());
        Assert.Single(version.GetProperty("captures").EnumerateArray());
        var latest = view.GetProperty("latest");
        Assert.Equal("syndication", latest.GetProperty("tweetSource").GetString());
        Assert.True(latest.GetProperty("completeness").GetProperty("complete").GetBoolean());
        Assert.Equal(Sha256(PhotoBytes), MediaFile(latest, 0).GetProperty("sha256").GetString());
        var partial = await SnapshotAsync(s, tweet.Id, version.GetProperty("captures")[0].GetString()!);
        Assert.Equal("oembed", partial.TweetSource);
        Assert.False(partial.Completeness!.Complete);
        Assert.Contains(partial.Completeness.Missing, m => m.Part == "media" && m.Kind == PartFailure.Transient);
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
        // The bundle keeps the partial capture as evidence too, and its manifest says the latest is complete.
        var (entries, manifest) = await BundleAsync(s, tweet.Id);
        Assert.Contains($"snapshots/{version.GetProperty("captures")[0].GetString()}.json", entries);
        Assert.Contains($"snapshots/{version.GetProperty("version").GetString()}.json", entries);
        Assert.True(manifest.GetProperty("complete").GetBoolean());
        Assert.Empty(manifest.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task Archive_SyndicationDown_PartialUntilTheTimerCompletesIt_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = AddWithPhotos(s, Tweet("1791100000000000002", new FakePhoto("LockGateNorth02")));
        // Down for the first attempt and the immediate retry.
        s.Upstream.Syndication(tweet.Id).Then(FakeReply.ServerError(503), times: 2);
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.ServerError(502));

        var citation = await ArchiveAsync(s, tweet);

        Assert.Equal("partial", citation.GetProperty("outcome").GetString());
        Assert.Contains(citation.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("syndication failed", StringComparison.Ordinal));
        var before = await s.TweetAsync(tweet.Id);
        Assert.False(before.GetProperty("complete").GetBoolean());
        Assert.Equal(0, before.GetProperty("partial").GetProperty("retries").GetInt32());
        // The first of Archiver:Archive:PartialRetryIntervals, not the hour of the re-check cadence.
        Assert.Equal(RecheckScenario.Start + TimeSpan.FromMinutes(5), before.GetProperty("nextCheckAt").GetDateTimeOffset());
        var (_, partialManifest) = await BundleAsync(s, tweet.Id);
        Assert.False(partialManifest.GetProperty("complete").GetBoolean());
        Assert.Contains(partialManifest.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("syndication failed", StringComparison.Ordinal));

        await s.RunTimerAfterAsync(TimeSpan.FromMinutes(5));

        var after = await s.TweetAsync(tweet.Id);
        Assert.True(after.GetProperty("complete").GetBoolean());
        Assert.False(after.TryGetProperty("partial", out var left) && left.ValueKind != JsonValueKind.Null);
        var version = Assert.Single(after.GetProperty("versions").EnumerateArray());
        Assert.Single(version.GetProperty("captures").EnumerateArray());
        Assert.Equal(Sha256(PhotoBytes), MediaFile(after.GetProperty("latest"), 0).GetProperty("sha256").GetString());
        Assert.Equal(RecheckScenario.Start + TimeSpan.FromMinutes(5) + TimeSpan.FromHours(1), after.GetProperty("nextCheckAt").GetDateTimeOffset());
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
    }

    [Fact]
    public async Task Recheck_MediaFileMissing_FetchedAloneWithoutAskingTheSourcesAgain_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var photo = new FakePhoto("LockGateNorth03");
        var tweet = AddWithPhotos(s, Tweet("1791100000000000003", photo));
        // An HTML page where the photo belongs, for the first attempt and the immediate retry.
        s.Upstream.Url(photo.SizeUrl("orig")).Then(FakeReply.BlockedHtml, times: 2);

        var citation = await ArchiveAsync(s, tweet);

        Assert.Equal("partial", citation.GetProperty("outcome").GetString());
        Assert.Contains(citation.GetProperty("missing").EnumerateArray(), m => m.GetString()!.StartsWith("media[0] (transient)", StringComparison.Ordinal));
        var asked = s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count;

        await s.RunTimerAfterAsync(TimeSpan.FromMinutes(5));

        var after = await s.TweetAsync(tweet.Id);
        Assert.True(after.GetProperty("complete").GetBoolean());
        Assert.Equal(asked, s.Upstream.RequestsTo("cdn.syndication.twimg.com").Count);
        Assert.Single(after.GetProperty("versions").EnumerateArray());
        Assert.Equal(Sha256(PhotoBytes), MediaFile(after.GetProperty("latest"), 0).GetProperty("sha256").GetString());
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
    }

    [Fact]
    public async Task Recheck_MediaDownloadFailsWhileStillListed_NoNewVersionStoredCopyStands_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var photo = new FakePhoto("LockGateNorth04");
        var tweet = AddWithPhotos(s, Tweet("1791100000000000004", photo));
        await ArchiveAsync(s, tweet);
        s.Upstream.Url(photo.SizeUrl("orig")).Always(FakeReply.ServerError(503));

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        Assert.Single(after.GetProperty("versions").EnumerateArray());
        Assert.True(after.GetProperty("complete").GetBoolean());
        Assert.Equal(Sha256(PhotoBytes), MediaFile(after.GetProperty("latest"), 0).GetProperty("sha256").GetString());
        var last = (await ChecksAsync(s, tweet.Id))[^1];
        // The failed download is not a change, and the stored copy makes the capture whole.
        Assert.Equal("unchanged", last.Decision);
        Assert.Null(last.Missing);
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
    }

    [Fact]
    public async Task Recheck_OnlyAPoorerSourceAnswers_ACheckNeverAVersion_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = AddWithPhotos(s, Tweet("1791100000000000005", new FakePhoto("LockGateNorth05")));
        await ArchiveAsync(s, tweet);
        s.Upstream.Syndication(tweet.Id).Always(FakeReply.ServerError(503));
        s.Upstream.FxTwitter(tweet.Id).Always(FakeReply.TooManyRequests(TimeSpan.FromSeconds(1)));

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        Assert.Single(after.GetProperty("versions").EnumerateArray());
        Assert.Equal("available", after.GetProperty("status").GetString());
        Assert.Equal("syndication", after.GetProperty("latest").GetProperty("tweetSource").GetString());
        var last = (await ChecksAsync(s, tweet.Id))[^1];
        Assert.Equal("poorer", last.Decision);
        Assert.Equal("oembed", last.TweetSource);
        // A check that could not see the tweet whole is repeated an hour on, not after the next interval of the cadence.
        Assert.Equal(RecheckScenario.Start + TimeSpan.FromHours(2), after.GetProperty("nextCheckAt").GetDateTimeOffset());
        var state = await s.App.Services.GetRequiredService<ArchiveStore>().ReadStateAsync(tweet.Id, TestContext.Current.CancellationToken);
        Assert.Equal(0, state!.Value.IntervalIndex);
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
    }

    [Fact]
    public async Task Recheck_MediaRemovedUpstream_OneNewVersion_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var tweet = AddWithPhotos(s, Tweet("1791100000000000006", new FakePhoto("LockGateNorth06"), new FakePhoto("LockGateSouth06")));
        await ArchiveAsync(s, tweet);
        s.Upstream.AddTweet(tweet with { Photos = [tweet.Photos[0]] });

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        Assert.Equal(2, after.GetProperty("versions").GetArrayLength());
        Assert.Single(after.GetProperty("latest").GetProperty("files").EnumerateArray(), f => f.GetProperty("role").GetString() == "media");
        Assert.Equal(["new_version", "unchanged"], (await ChecksAsync(s, tweet.Id)).Skip(1).Select(c => c.Decision));
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
    }

    [Fact]
    public async Task Recheck_TextEditedWhileMediaFails_NewVersionKeepsTheStoredMedia_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite);
        var photo = new FakePhoto("LockGateNorth07");
        var tweet = AddWithPhotos(s, Tweet("1791100000000000007", photo));
        await ArchiveAsync(s, tweet);
        s.Upstream.AddTweet(tweet with { Text = "The lock gates at the north basin open on Thursday." });
        s.Upstream.Url(photo.SizeUrl("orig")).Always(FakeReply.ConnectionReset);

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        Assert.Equal(2, after.GetProperty("versions").GetArrayLength());
        var latest = after.GetProperty("latest");
        Assert.Equal("The lock gates at the north basin open on Thursday.", latest.GetProperty("tweet").GetProperty("text").GetString());
        var media = MediaFile(latest, 0);
        Assert.Equal(Sha256(PhotoBytes), media.GetProperty("sha256").GetString());
        Assert.Equal(after.GetProperty("versions")[0].GetProperty("version").GetString(), media.GetProperty("carriedFrom").GetString());
        Assert.True(after.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task RecheckTweet_ClaimLeftByADeadCheck_Busy409WithRetryAfterUntilItExpires_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Recheck:ClaimLifetime"] = "00:02:00" });
        var tweet = AddWithPhotos(s, Tweet("1791100000000000008"));
        await ArchiveAsync(s, tweet);
        // A check claimed the tweet, then its process died: the claim stays in the state.
        var store = s.App.Services.GetRequiredService<ArchiveStore>();
        await store.UpdateStateAsync(tweet.Id, state => state! with { ClaimId = "dead", ClaimedUntil = s.Time.GetUtcNow() + TimeSpan.FromMinutes(2) }, TestContext.Current.CancellationToken);
        s.Time.Advance(TimeSpan.FromSeconds(30));

        var busy = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("90", busy.Headers.GetValues("Retry-After").Single());
        var error = (await ArchiveScenario.BodyAsync(busy)).GetProperty("error");
        Assert.Equal("busy", error.GetProperty("code").GetString());
        Assert.Equal(
            $"Tweet {tweet.Id} is being checked right now; try again after 2026-11-25T09:02:00Z (in 90 s), when the check's claim expires at the latest.",
            error.GetProperty("message").GetString());

        s.Time.Advance(TimeSpan.FromSeconds(90));
        var again = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var state = await store.ReadStateAsync(tweet.Id, TestContext.Current.CancellationToken);
        Assert.Null(state!.Value.ClaimId);
        Assert.Null(state.Value.ClaimedUntil);
    }

    [Fact]
    public async Task Archive_PhotoGone_RetriedUntilTheGoneAnswerIsConfirmed_Issue11()
    {
        await using var s = await RecheckScenario.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Archiver:Archive:PartialRetryIntervals"] = "01:00:00",
            ["Archiver:Recheck:ConfirmSpacing"] = "00:30:00",
        });
        var photo = new FakePhoto("LockGateNorth09");
        var tweet = s.Upstream.AddTweet(Tweet("1791100000000000009", photo));

        var citation = await ArchiveAsync(s, tweet);

        // One 404 is not a conclusion: the capture is partial and retried.
        Assert.Equal("partial", citation.GetProperty("outcome").GetString());
        var first = (await s.TweetAsync(tweet.Id)).GetProperty("partial").GetProperty("missing")[0];
        Assert.Equal("gone", first.GetProperty("kind").GetString());
        Assert.Equal(1, first.GetProperty("goneChecks").GetInt32());

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));

        var after = await s.TweetAsync(tweet.Id);
        var missing = after.GetProperty("partial").GetProperty("missing")[0];
        Assert.Equal("conclusive", missing.GetProperty("kind").GetString());
        Assert.Equal(2, missing.GetProperty("goneChecks").GetInt32());
        Assert.False(after.GetProperty("complete").GetBoolean());
        // Nothing left to retry: on with the re-check cadence (its first hour spent on this check, then 6 h).
        Assert.Equal(RecheckScenario.Start + TimeSpan.FromHours(7), after.GetProperty("nextCheckAt").GetDateTimeOffset());
        Assert.Single(after.GetProperty("versions").EnumerateArray());
        await AssertEverySnapshotReferencedAsync(s, tweet.Id);
    }

    private static FakeTweet AddWithPhotos(RecheckScenario s, FakeTweet tweet)
    {
        s.Upstream.AddTweet(tweet);
        for (var i = 0; i < tweet.Photos.Count; i++)
        {
            s.Upstream.AddMedia(tweet.Photos[i].SizeUrl("orig"), i == 0 ? PhotoBytes : SecondPhotoBytes, "image/jpeg");
        }

        return tweet;
    }

    private static async Task<JsonElement> ArchiveAsync(RecheckScenario s, FakeTweet tweet)
    {
        var response = await s.Client.PostAsync("/api/archive", new StringContent($"x.com/{tweet.ScreenName}/status/{tweet.Id}", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ArchiveScenario.BodyAsync(response)).GetProperty("citations")[0];
    }

    private static async Task<(string[] Entries, JsonElement Manifest)> BundleAsync(RecheckScenario s, string tweetId)
    {
        var response = await s.Client.GetAsync($"/api/tweets/{tweetId}/bundle", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        await using var manifest = zip.GetEntry("manifest.json")!.Open();
        return ([.. zip.Entries.Select(e => e.FullName)], (await JsonDocument.ParseAsync(manifest, cancellationToken: TestContext.Current.CancellationToken)).RootElement.Clone());
    }

    private static JsonElement MediaFile(JsonElement snapshot, int index) =>
        snapshot.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("role").GetString() == "media" && f.GetProperty("index").GetInt32() == index);

    private static async Task<Snapshot> SnapshotAsync(RecheckScenario s, string tweetId, string version) =>
        (await s.App.Services.GetRequiredService<ArchiveStore>().ReadSnapshotAsync(tweetId, version, TestContext.Current.CancellationToken))!;

    private static async Task<IReadOnlyList<CheckEntry>> ChecksAsync(RecheckScenario s, string tweetId) =>
        await s.App.Services.GetRequiredService<CheckLog>().ReadAsync(tweetId, TestContext.Current.CancellationToken);

    /// <summary>Every snapshot blob of the tweet is a version's snapshot or one of its earlier captures, and each of those exists.</summary>
    private static async Task AssertEverySnapshotReferencedAsync(RecheckScenario s, string tweetId)
    {
        var state = (await s.App.Services.GetRequiredService<ArchiveStore>().ReadStateAsync(tweetId, TestContext.Current.CancellationToken))!.Value;
        var referenced = state.Versions.SelectMany(v => v.AllSnapshots).Select(v => BlobNames.Snapshot(tweetId, v)).Order(StringComparer.Ordinal).ToArray();
        var stored = new List<string>();
        var container = s.App.Services.GetRequiredService<ArchiveContainer>().Client;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, BlobNames.SnapshotPrefix(tweetId), TestContext.Current.CancellationToken))
        {
            stored.Add(blob.Name);
        }

        Assert.Equal(referenced, stored.Order(StringComparer.Ordinal).ToArray());
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7 + seed * 13) & 0xFF))];
}

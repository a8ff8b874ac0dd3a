using System.Text.Json;
using System.Text.Json.Nodes;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Archive;

/// <summary>Stored snapshots follow the JSON Schema published in <c>schemas/snapshot.schema.json</c>.</summary>
public sealed class SnapshotSchemaTests(AzuriteFixture azurite)
{
    private static readonly NJsonSchema.JsonSchema Schema =
        NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "snapshot.schema.json"))).GetAwaiter().GetResult();

    [Fact]
    public async Task StoredSnapshot_VideoQuoteAndAvatar_MatchesTheSchema()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var video = new FakeVideo("2055999999000000000", [
            new FakeVariant("https://video.twimg.com/amplify_video/2055999999000000000/pl/Hq7Tz0aBcDeFgHiJ.m3u8?tag=14", "application/x-mpegURL"),
            new FakeVariant("https://video.twimg.com/amplify_video/2055999999000000000/vid/avc1/480x270/small.mp4?tag=14", "video/mp4", 288000),
            new FakeVariant("https://video.twimg.com/amplify_video/2055999999000000000/vid/avc1/1280x720/best.mp4?tag=14", "video/mp4", 2176000),
            new FakeVariant("https://video.twimg.com/amplify_video/2055999999000000000/vid/avc1/640x360/middle.mp4?tag=14", "video/mp4", 832000),
        ]);
        var tweet = new FakeTweet { Id = "2056000000000000001", Text = "Countdown clock restarted after the hold 🚀", ScreenName = "orbit_log", Name = "Orbit Log", Video = video };
        s.Upstream.AddTweet(tweet);
        var best = FakeReply.GeneratedBytes(120_000);
        s.Upstream.AddMedia("https://video.twimg.com/amplify_video/2055999999000000000/vid/avc1/1280x720/best.mp4?tag=14", best, "video/mp4");
        s.Upstream.AddMedia(video.PosterUrl, FakeReply.GeneratedBytes(3_000), "image/jpeg");

        await s.ArchiveAsync($"https://x.com/orbit_log/status/{tweet.Id}");

        var name = Assert.Single(await s.BlobNamesAsync($"tweets/{tweet.Id}/snapshots/"));
        var text = System.Text.Encoding.UTF8.GetString(await s.BlobBytesAsync(name));
        var errors = Schema.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        var json = JsonNode.Parse(text);

        // The highest-bitrate mp4 was saved, never the playlist.
        var media = json!["files"]!.AsArray().Single(f => f!["role"]!.GetValue<string>() == "media")!;
        Assert.Equal(ArchiveScenario.Sha256(best), media["sha256"]!.GetValue<string>());
        Assert.EndsWith("best.mp4?tag=14", media["sourceUrl"]!.GetValue<string>());
        Assert.Equal("video/mp4", media["contentType"]!.GetValue<string>());
        Assert.DoesNotContain(s.Upstream.Requests, r => r.PathAndQuery.Contains(".m3u8", StringComparison.Ordinal));
    }
}

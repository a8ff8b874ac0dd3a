using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Archive;

/// <summary>Issue 14: <c>GET /api/submissions/{id}/events</c> streams each citation's steps as they happen, over Server-Sent Events.</summary>
public sealed class SubmissionEventsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Events_SlowUpstreamRespondAsync_StepsInOrderThenComplete_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        var tweet = s.Upstream.AddTweet(new FakeTweet
        {
            Id = "1777777777777777143",
            Text = "Harbour lights back on after the storm.",
            ScreenName = "quay_notes",
            Name = "Quay Notes",
            MediaCode = "Hb7LiGhTs1",
            Photos = [new FakePhoto("HLuLights000001", AltText: "Lights along the quay")],
        });
        s.Upstream.AddMedia(tweet.Photos[0].SizeUrl("orig"), FakeReply.GeneratedBytes(40_000), "image/jpeg");
        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), FakeReply.GeneratedBytes(3_000), "image/jpeg");
        s.Upstream.AddShortLink(tweet.MediaCode, $"https://x.com/quay_notes/status/{tweet.Id}/photo/1");
        // Slow, and failing once: the first syndication attempt waits, then answers 503; the second one succeeds.
        s.Upstream.Syndication(tweet.Id).Then(FakeReply.ServerError(503).After(TimeSpan.FromMilliseconds(300)));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/archive") { Content = new StringContent($"Lights: pic.twitter.com/{tweet.MediaCode}", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Prefer", "respond-async");
        var response = await s.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("respond-async", response.Headers.GetValues("Preference-Applied").Single());
        var accepted = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("pending", accepted.GetProperty("citations")[0].GetProperty("outcome").GetString());
        var events = await ReadEventsAsync(s.Client, $"{accepted.GetProperty("self").GetString()}/events");

        Assert.Equal("submission", events[0].EventType);
        Assert.Equal("complete", events[^1].EventType);
        Assert.Equal("archived", Json(events[^1]).GetProperty("citations")[0].GetProperty("outcome").GetString());
        var steps = events.Where(e => e.EventType == "step").Select(Json).ToArray();
        Assert.All(steps, step => Assert.Equal(0, step.GetProperty("citation").GetInt32()));
        var names = steps.Select(Describe).ToList();
        var order = new[]
        {
            "resolving https://pic.twitter.com/Hb7LiGhTs1",
            "fetching tco t.co 1",
            "fetching syndication cdn.syndication.twimg.com 1",
            "fetching syndication cdn.syndication.twimg.com 2",
            "media 1 of 2 40000",
            "media 2 of 2 3000",
            "storing",
            "done archived",
        };
        var positions = order.Select(step => names.IndexOf(step)).ToArray();
        Assert.True(positions.All(p => p >= 0), $"Missing steps; got: {string.Join(" | ", names)}");
        Assert.True(positions.SequenceEqual(positions.Order()), $"Out of order: {string.Join(" | ", names)}");
    }

    [Fact]
    public async Task Events_FinishedSubmission_TheSubmissionThenComplete_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        s.Upstream.AddShortLink("Zq9aXy1", "https://example.com/elsewhere");
        var (response, body) = await s.ArchiveAsync("Read t.co/Zq9aXy1 first.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var events = await ReadEventsAsync(s.Client, $"{body.GetProperty("self").GetString()}/events");

        Assert.Equal("submission", events[0].EventType);
        Assert.Equal("not_a_tweet", Json(events[0]).GetProperty("citations")[0].GetProperty("outcome").GetString());
        Assert.Equal("complete", events[^1].EventType);
    }

    [Fact]
    public async Task Events_UnknownSubmission_404_14()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);

        var response = await s.Client.GetAsync("/api/submissions/20261130090000-0123456789ab/events", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await ArchiveScenario.BodyAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<List<SseItem<string>>> ReadEventsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    private static JsonElement Json(SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.Clone();

    private static string Describe(JsonElement step) => step.GetProperty("step").GetString() switch
    {
        "resolving" => $"resolving {step.GetProperty("subject").GetString()}",
        "fetching" => $"fetching {step.GetProperty("source").GetString()} {step.GetProperty("host").GetString()} {step.GetProperty("attempt").GetInt32()}",
        "media" => $"media {step.GetProperty("media").GetInt32()} of {step.GetProperty("mediaCount").GetInt32()} {step.GetProperty("bytes").GetInt64()}",
        "done" => $"done {step.GetProperty("outcome").GetString()}",
        var other => other!,
    };
}

using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archiver.Tests.Recheck;

/// <summary><c>Archiver__Notify__WebhookUrl</c>: one POST per status change or new version; a failing webhook is harmless.</summary>
public sealed class WebhookTests(AzuriteFixture azurite)
{
    private static FakeTweet Tweet() => new() { Id = "1777777777777777777", Text = "Harbour crane out of service until Friday.", ScreenName = "quay_notes", Name = "Quay Notes" };

    [Fact]
    public async Task Webhook_StatusChangesAndNewVersion_OnePostEach()
    {
        await using var hook = await WebhookReceiver.StartAsync(HttpStatusCode.NoContent);
        await using var s = await RecheckScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Notify:WebhookUrl"] = hook.Url });
        var tweet = s.Upstream.AddTweet(Tweet());
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        s.Delete(tweet.Id);
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        // Received before the clock moves on: the webhook's timeouts run on the test clock too, so a POST still in
        // flight when it jumps hours would time out.
        var deleted = await hook.Next();
        await s.RunTimerAfterAsync(TimeSpan.FromHours(7)); // still deleted: no change, no event
        s.Restore(tweet with { Text = "Harbour crane back in service." });
        await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);

        var restored = await hook.Next();
        var version = await hook.Next();

        Assert.Equal(("status_changed", "deleted", "available"), (deleted.GetProperty("type").GetString(), deleted.GetProperty("status").GetString(), deleted.GetProperty("previousStatus").GetString()));
        Assert.Equal(("status_changed", "restored"), (restored.GetProperty("type").GetString(), restored.GetProperty("status").GetString()));
        Assert.Equal("new_version", version.GetProperty("type").GetString());
        Assert.Equal(tweet.Id, version.GetProperty("tweetId").GetString());
        Assert.Equal(3, hook.Received);
    }

    [Fact]
    public async Task Webhook_Failing_ChecksCarryOn()
    {
        await using var hook = await WebhookReceiver.StartAsync(HttpStatusCode.InternalServerError);
        await using var s = await RecheckScenario.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Notify:WebhookUrl"] = hook.Url });
        var tweet = s.Upstream.AddTweet(Tweet());
        await s.ArchiveAsync($"x.com/quay_notes/status/{tweet.Id}");
        s.Delete(tweet.Id);

        await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        var logs = await s.RunTimerAfterAsync(TimeSpan.FromHours(1));
        await hook.Next();

        Assert.Contains(logs, l => l.Contains("checked 1", StringComparison.Ordinal));
        Assert.Equal("deleted", (await s.TweetAsync(tweet.Id)).GetProperty("status").GetString());
    }

    /// <summary>A webhook endpoint on loopback that answers with a fixed status and hands over what it received.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly Channel<JsonElement> bodies = Channel.CreateUnbounded<JsonElement>();
        private int received;

        private WebhookReceiver(WebApplication app) => this.app = app;

        public string Url => $"{app.Urls.Single()}/hook";

        public int Received => received;

        public static async Task<WebhookReceiver> StartAsync(HttpStatusCode answer)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new WebhookReceiver(app);
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                Interlocked.Increment(ref receiver.received);
                receiver.bodies.Writer.TryWrite(body.RootElement.Clone());
                return Results.StatusCode((int)answer);
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            return receiver;
        }

        public async Task<JsonElement> Next() => await bodies.Reader.ReadAsync(TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Archiver.Tests.Recheck;

/// <summary>The app with a clock the test moves, the fake upstream, and RecheckLinks fired on demand.</summary>
internal sealed class RecheckScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private RecheckScenario(FakeUpstream upstream, ArchiverApp app, FakeTimeProvider time)
    {
        Upstream = upstream;
        App = app;
        Time = time;
        Client = app.Client();
    }

    public FakeUpstream Upstream { get; }

    public ArchiverApp App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    /// <param name="configure">Registrations after the test clock's (a storage client with a fault policy, say).</param>
    public static async Task<RecheckScenario> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var upstream = await FakeUpstream.StartAsync(TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(Start);
        var all = new Dictionary<string, string?>
        {
            // The test fires RecheckLinks itself; the standalone scheduler stays out of the way.
            ["Archiver:Recheck:Schedule"] = "0 0 0 1 1 *",
            // With a test clock, retry delays would never pass: failures come back at once instead.
            ["Archiver:Upstream:MaxRetries"] = "0",
            // Likewise one immediate retry of a partial capture, without a wait.
            ["Archiver:Archive:PartialRetryDelays"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await ArchiverApp.StartAsync(azurite, upstream.Settings(all), services =>
        {
            services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(services);
        });
        return new RecheckScenario(upstream, app, time);
    }

    public async Task ArchiveAsync(string article)
    {
        var response = await Client.PostAsync("/api/archive", new StringContent(article, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Moves the clock, then runs the timer function through the admin route; returns the run's summary lines.</summary>
    public async Task<string[]> RunTimerAfterAsync(TimeSpan wait)
    {
        Time.Advance(wait);
        var response = await Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        return [.. body.GetProperty("logs").EnumerateArray().Select(l => l.GetString()!)];
    }

    public async Task<JsonElement> TweetAsync(string id)
    {
        var response = await Client.GetAsync($"/api/tweets/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ArchiveScenario.BodyAsync(response);
    }

    public void Delete(string id) => Upstream.DeleteTweet(id);

    public void Restore(FakeTweet tweet)
    {
        Upstream.Syndication(tweet.Id).Always(FakeReply.Json(FakePayloads.Syndication(tweet)));
        Upstream.OEmbed(tweet.Id).Always(FakeReply.Json(FakePayloads.OEmbed(tweet)));
        Upstream.FxTwitter(tweet.Id).Always(FakeReply.Json(FakePayloads.FxTwitter(tweet)));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}

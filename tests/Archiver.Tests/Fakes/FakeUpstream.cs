using System.Collections.Concurrent;
using System.Net;
using Archiver.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archiver.Tests.Fakes;

/// <summary>
/// Every X/Twitter upstream host played by one small Kestrel app on <c>127.0.0.1:0</c>, each under a path prefix:
/// <c>HostMap[host] = http://127.0.0.1:PORT/{host}</c> (<see cref="Settings"/>). Programmed per test (tweets, per-id
/// behaviours, short links, media) and recording every request for assertions. Never touches the real network.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeUpstreamRoutes routes;
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];

    private FakeUpstream(WebApplication app, FakeUpstreamRoutes routes, Uri baseAddress)
    {
        this.app = app;
        this.routes = routes;
        BaseAddress = baseAddress;
    }

    /// <summary>The fake's own address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How the syndication endpoint checks <c>token</c> (default: it must be the computed value).</summary>
    public FakeTokenCheck TokenCheck { get => routes.TokenCheck; set => routes.TokenCheck = value; }

    /// <summary>Whether <c>publish.twitter.com/oembed</c> answers 301 to <c>publish.x.com/oembed</c> (default, as in 2026).</summary>
    public bool OEmbedRedirectsToX { get => routes.OEmbedRedirectsToX; set => routes.OEmbedRedirectsToX = value; }

    /// <summary>
    /// Seeded random failures of the tweet and media hosts, off until <see cref="FakeFaults.Enabled"/> is set; replace it
    /// to change the seed or the rate.
    /// </summary>
    public FakeFaults Faults { get; set; } = new();

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FakeUpstream> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "FakeUpstream", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var routes = new FakeUpstreamRoutes();
        FakeUpstream? fake = null;
        app.Run(context => fake!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.Single());
        fake = new FakeUpstream(app, routes, address);
        return fake;
    }

    /// <summary>
    /// Configuration that points every allow-listed upstream host at this fake, with tiny retry delays: for a DI container
    /// (<c>AddInMemoryCollection</c>) or the app (<c>await ArchiverApp.StartAsync(azurite, fake.Settings())</c>). Overrides win.
    /// </summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{UpstreamOptions.Section}:RetryBaseDelay"] = "00:00:00.005",
            // Immediate retries of a partial capture, as short as the upstream's own: tests never wait seconds.
            ["Archiver:Archive:PartialRetryDelays"] = "00:00:00.010,00:00:00.020",
        };
        foreach (var host in UpstreamHosts.Allowed)
        {
            settings[$"{UpstreamOptions.Section}:HostMap:{host}"] = BaseFor(host);
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The base URL that stands for <paramref name="host"/>: <c>http://127.0.0.1:PORT/{host}</c>.</summary>
    public string BaseFor(string host) => $"{BaseAddress.GetLeftPart(UriPartial.Authority)}/{host}";

    /// <summary>Serves <paramref name="tweet"/> (and its quoted tweet and parent) through syndication, oEmbed and FxTwitter.</summary>
    public FakeTweet AddTweet(FakeTweet tweet)
    {
        routes.Tweets[tweet.Id] = tweet;
        foreach (var nested in new[] { tweet.Quoted, tweet.Parent }.OfType<FakeTweet>())
        {
            routes.Tweets.TryAdd(nested.Id, nested);
        }

        return tweet;
    }

    /// <summary>
    /// <c>t.co/{code}</c> leads to <paramref name="target"/>: 301 with <c>Location</c> for non-browser agents, a 200
    /// meta-refresh page for browsers.
    /// </summary>
    public void AddShortLink(string code, string target) => routes.ShortLinks[code] = target;

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="realUrl"/> (query order does not matter); anything else there is 404.</summary>
    public void AddMedia(string realUrl, byte[] bytes, string contentType) => Url(realUrl).Always(FakeReply.Bytes(bytes, contentType));

    /// <summary>What <c>tweet-result?id={id}</c> answers before the programmed tweet (or 404 HTML when there is none).</summary>
    public FakeScript Syndication(string id) => routes.Script("syndication", id);

    public FakeScript OEmbed(string id) => routes.Script("oembed", id);

    public FakeScript FxTwitter(string id) => routes.Script("fxtwitter", id);

    public FakeScript ShortLink(string code) => routes.Script("tco", code);

    /// <summary>What one exact real URL answers (host, path and query; query order does not matter), before any default.</summary>
    public FakeScript Url(string realUrl) => routes.Script("url", FakeUpstreamRoutes.UrlKey(new Uri(realUrl)));

    /// <summary>
    /// The tweet is deleted, as X shows it: a tombstone from syndication with the author's-deletion wording, 404 HTML from
    /// oEmbed, 404 <c>NOT_FOUND</c> from FxTwitter.
    /// </summary>
    public void DeleteTweet(string id)
    {
        Syndication(id).Always(FakeReply.Json(FakePayloads.Tombstone("This Post was deleted by the Post author. Learn more")));
        OEmbed(id).Always(FakeReply.NotFoundHtml);
        FxTwitter(id).Always(FakeReply.Json(FakePayloads.FxTwitterError(404, "NOT_FOUND"), 404));
    }

    /// <summary>
    /// The author edits <paramref name="original"/>: the new text is served under <paramref name="newId"/>, and both ids'
    /// <c>edit_control.edit_tweet_ids</c> list the chain, oldest first, as X shows an edited tweet. Returns the new edit.
    /// </summary>
    public FakeTweet EditTweet(FakeTweet original, string newId, string newText)
    {
        IReadOnlyList<string> chain = [.. original.EditTweetIds ?? [original.Id], newId];
        AddTweet(original with { EditTweetIds = chain });
        return AddTweet(original with { Id = newId, Text = newText, EditTweetIds = chain, CreatedAt = null });
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string host) =>
        [.. Requests.Where(r => r.Host.Equals(host, StringComparison.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var slash = path.IndexOf('/', 1);
        var host = (slash < 0 ? path[1..] : path[1..slash]).ToLowerInvariant();
        var rest = slash < 0 ? "/" : path[slash..];
        Record(context.Request, host, rest);
        var reply = Faults.Apply(host, rest, rest + context.Request.QueryString.Value, routes.Answer(host, rest, context.Request));
        await FakeReplyWriter.WriteAsync(context, reply);
    }

    private void Record(HttpRequest request, string host, string path)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(host, path + request.QueryString.Value, request.Method, headers, TimeProvider.System.GetUtcNow());
        lock (gate)
        {
            requests.Add(recorded);
        }
    }
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Archiver.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Archiver.Tests.Fakes;

/// <summary>How each upstream host of the fake answers, given what a test programmed.</summary>
internal sealed partial class FakeUpstreamRoutes
{
    public ConcurrentDictionary<string, FakeTweet> Tweets { get; } = new();

    public ConcurrentDictionary<string, string> ShortLinks { get; } = new();

    public FakeTokenCheck TokenCheck { get; set; } = FakeTokenCheck.Exact;

    public bool OEmbedRedirectsToX { get; set; } = true;

    private ConcurrentDictionary<(string Channel, string Key), FakeScript> Scripts { get; } = new();

    public FakeScript Script(string channel, string key) => Scripts.GetOrAdd((channel, key), _ => new FakeScript());

    /// <summary>host + path + the query pairs sorted, so <c>?a=1&amp;b=2</c> and <c>?b=2&amp;a=1</c> name the same URL.</summary>
    public static string UrlKey(string host, string path, string? query)
    {
        var pairs = QueryHelpers.ParseQuery(query)
            .SelectMany(p => p.Value.Select(v => $"{p.Key}={v}"))
            .Order(StringComparer.Ordinal);
        return $"{host.ToLowerInvariant()}{path}?{string.Join('&', pairs)}";
    }

    public static string UrlKey(Uri url) => UrlKey(url.IdnHost, url.AbsolutePath, url.Query);

    public FakeReply Answer(string host, string path, HttpRequest request)
    {
        if (Take("url", UrlKey(host, path, request.QueryString.Value)) is { } scripted)
        {
            return scripted;
        }

        return host switch
        {
            "cdn.syndication.twimg.com" when path == "/tweet-result" => SyndicationAnswer(request),
            "publish.twitter.com" when path == "/oembed" && OEmbedRedirectsToX => FakeReply.Redirect($"https://publish.x.com/oembed{request.QueryString.Value}"),
            "publish.twitter.com" or "publish.x.com" when path == "/oembed" => OEmbedAnswer(request),
            "api.fxtwitter.com" => FxTwitterAnswer(path, request),
            "t.co" => ShortLinkAnswer(path, request),
            _ when UpstreamHosts.TwitterSite.Contains(host) => FakeReply.Redirect($"https://x.com{path}{request.QueryString.Value}"),
            _ when UpstreamHosts.XSite.Contains(host) => FakeReply.Html("<!DOCTYPE html><html><body>X</body></html>"),
            _ => FakeReply.NotFoundHtml,
        };
    }

    private FakeReply SyndicationAnswer(HttpRequest request)
    {
        var id = request.Query["id"].ToString();
        var token = request.Query["token"].ToString();
        var tokenOk = TokenCheck switch
        {
            FakeTokenCheck.Off => true,
            FakeTokenCheck.Present => token.Length > 0,
            _ => id.Length > 0 && id.All(char.IsAsciiDigit) && token == SyndicationToken.Compute(id),
        };
        if (!tokenOk)
        {
            return FakeReply.EmptyObject;
        }

        return Take("syndication", id)
            ?? (Tweets.TryGetValue(id, out var tweet) ? FakeReply.Json(FakePayloads.Syndication(tweet)) : FakeReply.NotFoundHtml);
    }

    private FakeReply OEmbedAnswer(HttpRequest request)
    {
        var url = request.Query["url"].ToString();
        if (url.Length == 0)
        {
            return FakeReply.Json("""{"errors":[{"code":357,"message":"url: queryParam is required"}]}""", 400);
        }

        var match = StatusId().Match(url);
        if (!match.Success)
        {
            return FakeReply.NotFoundHtml;
        }

        var id = match.Groups["id"].Value;
        return Take("oembed", id)
            ?? (Tweets.TryGetValue(id, out var tweet) ? FakeReply.Json(FakePayloads.OEmbed(tweet)) : FakeReply.NotFoundHtml);
    }

    private FakeReply FxTwitterAnswer(string path, HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.Headers.UserAgent.ToString()))
        {
            return FakeReply.Json("""{"error":"You must identify yourself with a User-Agent header in the request."}""", 401);
        }

        var match = StatusId().Match(path);
        if (!match.Success)
        {
            return FakeReply.Json("""{"code":404,"message":"Not found"}""", 404);
        }

        var id = match.Groups["id"].Value;
        return Take("fxtwitter", id)
            ?? (Tweets.TryGetValue(id, out var tweet)
                ? FakeReply.Json(FakePayloads.FxTwitter(tweet))
                : FakeReply.Json(FakePayloads.FxTwitterError(404, "NOT_FOUND"), 404));
    }

    private FakeReply ShortLinkAnswer(string path, HttpRequest request)
    {
        var code = path.Trim('/');
        if (Take("tco", code) is { } scripted)
        {
            return scripted;
        }

        if (!ShortLinks.TryGetValue(code, out var target))
        {
            return FakeReply.NotFoundHtml;
        }

        var browser = request.Headers.UserAgent.ToString().Contains("Mozilla", StringComparison.OrdinalIgnoreCase);
        return browser ? FakeReply.MetaRefresh(target) : FakeReply.Redirect(target);
    }

    private FakeReply? Take(string channel, string key) =>
        Scripts.TryGetValue((channel, key), out var script) ? script.Take() : null;

    [GeneratedRegex(@"/status(?:es)?/(?<id>[0-9]{1,19})")]
    private static partial Regex StatusId();
}

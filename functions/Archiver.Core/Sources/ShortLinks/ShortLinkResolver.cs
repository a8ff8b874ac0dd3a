using Archiver.Citations;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Web;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Sources;

/// <summary>
/// Resolves <c>pic.twitter.com/CODE</c>, <c>pic.x.com/CODE</c> and <c>t.co/CODE</c> through <c>https://t.co/CODE</c>
/// with the non-browser User-Agent, following redirects by hand, hop by hop (at most
/// <see cref="UpstreamOptions.MaxRedirects"/>). t.co and twitter.com hops are fetched; x.com is the end of the line (its
/// page tells nothing the URL does not); a hop to any other host ends resolution with that target reported, unfetched.
/// A 200 meta-refresh page is read, and the <c>unsafe_link_warning</c> interstitial is unwrapped.
/// </summary>
internal sealed class ShortLinkResolver(UpstreamClient client, IOptions<UpstreamOptions> options, ILogger<ShortLinkResolver> logger)
{
    public const string Endpoint = "tco";

    private static readonly HashSet<string> ShortLinkHosts = new(["t.co", "www.t.co", "pic.twitter.com", "pic.x.com"], StringComparer.OrdinalIgnoreCase);

    public async Task<ShortLinkResolution> ResolveAsync(string shortLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shortLink);
        if (!TryParseCode(shortLink, out var code))
        {
            return new ShortLinkResolution
            {
                ShortLink = shortLink,
                Status = ShortLinkStatus.Invalid,
                Error = $"'{Shorten(shortLink)}' is not a t.co, pic.twitter.com or pic.x.com link.",
            };
        }

        var hops = new List<UpstreamExchange>();
        var target = new Uri($"https://t.co/{code}");
        var unsafeLink = false;
        var redirects = 0;
        while (true)
        {
            if (UnwrapUnsafeLink(target) is { } unwrapped)
            {
                target = unwrapped;
                unsafeLink = true;
                continue;
            }

            if (!IsFetched(target))
            {
                return Resolved(shortLink, code, target, unsafeLink, hops);
            }

            var answer = await client.SendAsync(Endpoint, target, HttpMethod.Get, cancellationToken);
            hops.Add(answer.Exchange);
            var next = answer.IsRedirect ? answer.Location : MetaRefreshTarget(target, answer.Exchange);
            if (next is not null)
            {
                if (redirects++ >= options.Value.MaxRedirects)
                {
                    return Failed(shortLink, ShortLinkStatus.TooManyRedirects, hops, $"More than {options.Value.MaxRedirects} redirects from t.co/{code}.");
                }

                target = next;
                continue;
            }

            var status = answer.Exchange.Status;
            if (status is null)
            {
                return Failed(shortLink, ShortLinkStatus.Transient, hops, answer.Error ?? "No answer.");
            }

            if (IsTCo(target))
            {
                return status is 404 or 410
                    ? Failed(shortLink, ShortLinkStatus.UnknownCode, hops, $"t.co does not know the code '{code}' (HTTP {status}).")
                    : Failed(shortLink, ShortLinkStatus.Transient, hops, $"t.co answered HTTP {status} without a redirect.");
            }

            // A twitter.com page that answers instead of redirecting: the URL reached is the destination.
            return status is 429 or >= 500
                ? Failed(shortLink, ShortLinkStatus.Transient, hops, $"{target.IdnHost} answered HTTP {status}.")
                : Resolved(shortLink, code, target, unsafeLink, hops);
        }
    }

    /// <summary>The code of a short link, written with or without scheme: <c>pic.twitter.com/CODE</c>, <c>https://t.co/CODE</c>.</summary>
    public static bool TryParseCode(string shortLink, [NotNullWhen(true)] out string? code)
    {
        code = null;
        var text = shortLink.Trim();
        if (text.Length > 200)
        {
            return false;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !ShortLinkHosts.Contains(uri.IdnHost))
        {
            return false;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length is 0 or > 40 || !path.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        code = path;
        return true;
    }

    private ShortLinkResolution Resolved(string shortLink, string code, Uri target, bool unsafeLink, IReadOnlyList<UpstreamExchange> hops)
    {
        UpstreamLog.ShortLinkResolved(logger, code, target.IdnHost, hops.Count);
        var isStatus = Permalink.TryRead(target, out var permalink);
        return new ShortLinkResolution
        {
            ShortLink = shortLink,
            Status = isStatus ? ShortLinkStatus.Tweet : ShortLinkStatus.NotATweet,
            FinalUrl = target,
            TweetId = permalink?.Id,
            ScreenName = permalink?.ScreenName,
            MediaType = permalink?.MediaType,
            MediaIndex = permalink?.MediaIndex,
            UnsafeLinkWarning = unsafeLink,
            Hops = hops,
        };
    }

    private static ShortLinkResolution Failed(string shortLink, ShortLinkStatus status, IReadOnlyList<UpstreamExchange> hops, string error) =>
        new() { ShortLink = shortLink, Status = status, Hops = hops, Error = error };

    /// <summary>t.co and twitter.com are asked; x.com and every other host end the chain unfetched.</summary>
    private static bool IsFetched(Uri target) =>
        UpstreamHosts.IsAllowed(target) && (IsTCo(target) || UpstreamHosts.TwitterSite.Contains(target.IdnHost));

    private static bool IsTCo(Uri target) => target.IdnHost.Equals("t.co", StringComparison.OrdinalIgnoreCase);

    /// <summary>The link inside <c>https://twitter.com/safety/unsafe_link_warning?unsafe_link=URL</c> (or x.com).</summary>
    private static Uri? UnwrapUnsafeLink(Uri target)
    {
        if (!UpstreamHosts.TwitterSite.Contains(target.IdnHost) && !UpstreamHosts.XSite.Contains(target.IdnHost))
        {
            return null;
        }

        if (!target.AbsolutePath.TrimEnd('/').Equals("/safety/unsafe_link_warning", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var inner = HttpUtility.ParseQueryString(target.Query)["unsafe_link"];
        return Uri.TryCreate(inner, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    /// <summary>The URL of a 200 page's <c>&lt;meta http-equiv="refresh" content="0;URL=…"&gt;</c> (t.co's answer to browsers).</summary>
    private static Uri? MetaRefreshTarget(Uri pageUrl, UpstreamExchange exchange)
    {
        if (exchange.Status != 200 || exchange.Body.IsEmpty || exchange.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        using var document = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(exchange.Body.Span));
        foreach (var meta in document.QuerySelectorAll("meta[http-equiv]"))
        {
            if (!string.Equals(meta.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var content = meta.GetAttribute("content") ?? "";
            var separator = content.IndexOf(';', StringComparison.Ordinal);
            var rest = separator < 0 ? "" : content[(separator + 1)..].Trim();
            if (rest.StartsWith("url", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[3..].TrimStart();
                rest = rest.StartsWith('=') ? rest[1..].Trim() : rest;
            }

            rest = rest.Trim('\'', '"');
            if (Uri.TryCreate(pageUrl, rest, out var target) && target.Scheme is "http" or "https")
            {
                return target;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    /// <summary>
    /// A status URL on twitter.com/x.com, as <see cref="StatusUrlParser"/> reads status URLs, and the
    /// <c>/photo/N</c> or <c>/video/N</c> that a media link adds after the id.
    /// </summary>
    private sealed record Permalink(string Id, string? ScreenName, string? MediaType, int? MediaIndex)
    {
        public static bool TryRead(Uri url, [NotNullWhen(true)] out Permalink? permalink)
        {
            permalink = null;
            if ((!UpstreamHosts.TwitterSite.Contains(url.IdnHost) && !UpstreamHosts.XSite.Contains(url.IdnHost))
                || !StatusUrlParser.TryParse(url.AbsoluteUri, out var link))
            {
                return false;
            }

            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var status = Array.FindIndex(segments, s => s.Equals("status", StringComparison.OrdinalIgnoreCase) || s.Equals("statuses", StringComparison.OrdinalIgnoreCase));
            var afterId = status < 0 ? [] : segments.AsSpan(Math.Min(segments.Length, status + 2));
            var (mediaType, mediaIndex) = afterId is ["photo" or "video", var n, ..] && int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var index) && index is >= 1 and <= 4
                ? (afterId[0], (int?)index)
                : ((string?)null, (int?)null);
            permalink = new Permalink(link.TweetId, link.ScreenName, mediaType, mediaIndex);
            return true;
        }
    }
}

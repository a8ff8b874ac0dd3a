using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Archiver.Sources;

/// <summary>
/// The allow-list of X/Twitter hosts the archiver may fetch, and the URL actually requested for a real one
/// (<see cref="UpstreamOptions.HostMap"/> sends a host elsewhere; the allow-list still judges the original host).
/// </summary>
internal sealed class UpstreamHosts
{
    /// <summary>Every host that may be fetched. Anything else is refused before any request.</summary>
    public static readonly FrozenSet<string> Allowed = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "t.co",
        "cdn.syndication.twimg.com",
        "publish.twitter.com",
        "publish.x.com",
        "api.fxtwitter.com",
        "pbs.twimg.com",
        "video.twimg.com",
        "abs.twimg.com",
        "twitter.com",
        "www.twitter.com",
        "mobile.twitter.com",
        "x.com",
        "www.x.com",
        "mobile.x.com");

    /// <summary>The twitter.com site hosts: they redirect to x.com, so a short link's hop to them is followed.</summary>
    public static readonly FrozenSet<string> TwitterSite =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "twitter.com", "www.twitter.com", "mobile.twitter.com");

    /// <summary>The x.com site hosts: where status URLs end up.</summary>
    public static readonly FrozenSet<string> XSite =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "x.com", "www.x.com", "mobile.x.com");

    private readonly FrozenDictionary<string, Uri> map;

    public UpstreamHosts(IOptions<UpstreamOptions> options)
    {
        map = options.Value.HostMap.ToFrozenDictionary(pair => pair.Key.ToLowerInvariant(), pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        MappedAuthorities = map.Values.Select(uri => uri.Authority).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The authorities (host:port) HostMap points at: trusted configuration, exempt from the address check.</summary>
    public FrozenSet<string> MappedAuthorities { get; }

    /// <summary>True when <paramref name="url"/> is an http(s) URL on an allow-listed host, on the default port, without user info.</summary>
    public static bool IsAllowed(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && url.IsDefaultPort
        && string.IsNullOrEmpty(url.UserInfo)
        && url.HostNameType == UriHostNameType.Dns
        && Allowed.Contains(url.IdnHost);

    /// <summary>The canonical form of an allowed URL: https, lower-case host. Hosts all serve https.</summary>
    public static Uri Canonical(Uri url) =>
        new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = -1, Host = url.IdnHost.ToLowerInvariant() }.Uri;

    /// <summary>
    /// The URL to request for an allow-listed <paramref name="realUrl"/>: the real one, or its HostMap base followed by the
    /// real path and query. False, with nothing to request, when the host is not allow-listed.
    /// </summary>
    public bool TryMap(Uri realUrl, [NotNullWhen(true)] out Uri? requestUrl)
    {
        requestUrl = null;
        if (!IsAllowed(realUrl))
        {
            return false;
        }

        var canonical = Canonical(realUrl);
        if (!map.TryGetValue(canonical.Host, out var baseUrl))
        {
            requestUrl = canonical;
            return true;
        }

        requestUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + canonical.PathAndQuery);
        return true;
    }
}

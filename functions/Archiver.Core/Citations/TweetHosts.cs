using System.Buffers;
using System.Collections.Frozen;

namespace Archiver.Citations;

/// <summary>
/// The hosts whose links cite a tweet (reference sections 4.1 and 3.4), and the cheap substrings that announce them
/// in running text. Immutable once built, so one instance serves every thread.
/// </summary>
internal sealed class TweetHosts
{
    /// <summary>Longest host name DNS allows; anything longer is not a host.</summary>
    private const int MaxHostLength = 253;

    private const string OnionHost = "twitter3e4tixl4xyajtrzo62zg5vztmjuricljdp2c5kshju4avyoid.onion";

    private static readonly string[] XSubHosts = ["", "www.", "mobile.", "m."];

    /// <summary>FxEmbed and BetterTwitFix answer on these sub-hosts too (reference 4.1).</summary>
    private static readonly string[] MirrorSubHosts = ["", "www.", "d.", "dl.", "t.", "i.", "g.", "m.", "o."];

    private static readonly string[] Mirrors = ["fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com", "twittpr.com"];

    /// <summary>Every built-in host contains one of these (case-insensitively); nitter.* instances contain "nitter".</summary>
    private static readonly string[] BuiltInTriggers = ["twitter", "x.com", "t.co", "twittpr", "nitter", "xcancel"];

    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    private readonly FrozenDictionary<string, HostKind>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public TweetHosts(IEnumerable<string> extraMirrorHosts)
    {
        var kinds = new Dictionary<string, HostKind>(StringComparer.Ordinal);
        foreach (var host in new[] { "twitter.com", "x.com", OnionHost })
        {
            foreach (var sub in XSubHosts)
            {
                kinds[sub + host] = HostKind.Status;
            }
        }

        foreach (var host in Mirrors)
        {
            foreach (var sub in MirrorSubHosts)
            {
                kinds[sub + host] = HostKind.Status;
            }
        }

        var extras = new List<string>();
        foreach (var host in new[] { "xcancel.com", "nitter.net" }.Concat(extraMirrorHosts.Select(Normalise)))
        {
            kinds[host] = HostKind.Status;
            kinds["www." + host] = HostKind.Status;
            extras.Add(host);
        }

        kinds["t.co"] = HostKind.ShortLink;
        kinds["pic.twitter.com"] = HostKind.ShortLink;
        kinds["pic.x.com"] = HostKind.ShortLink;

        lookup = kinds.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Triggers = [.. BuiltInTriggers.Concat(extras).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The built-in hosts only.</summary>
    public static TweetHosts Default { get; } = new([]);

    /// <summary>Substrings (matched case-insensitively) at least one of which every host of ours contains.</summary>
    public IReadOnlyList<string> Triggers { get; }

    /// <summary>Classifies a host name written in any letter case.</summary>
    public HostKind Classify(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > MaxHostLength)
        {
            return HostKind.None;
        }

        Span<char> lower = stackalloc char[host.Length];
        host.ToLowerInvariant(lower);
        if (lookup.TryGetValue(lower, out var kind))
        {
            return kind;
        }

        return IsNitterInstance(lower) ? HostKind.Status : HostKind.None;
    }

    /// <summary>Nitter instances come and go; most are called <c>nitter.{domain}</c> (reference 4.1).</summary>
    private static bool IsNitterInstance(ReadOnlySpan<char> host)
    {
        if (host.StartsWith("www."))
        {
            host = host[4..];
        }

        return host.StartsWith("nitter.") && IsDomain(host["nitter.".Length..]);
    }

    /// <summary>One or more dot-separated labels ending in an alphabetic top-level label of two or more letters.</summary>
    private static bool IsDomain(ReadOnlySpan<char> name)
    {
        var lastDot = name.LastIndexOf('.');
        var top = name[(lastDot + 1)..];
        if (top.Length < 2 || top.ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }

        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="host"/> (trimmed, any case) is a host name such as <c>nitter.example.org</c>.</summary>
    public static bool IsHostName(string host)
    {
        var trimmed = host.AsSpan().Trim();
        return trimmed.Length is > 0 and <= MaxHostLength && trimmed.Contains('.') && trimmed[0] is not ('.' or '-')
            && trimmed[^1] is not ('.' or '-') && !trimmed.ContainsAnyExcept(HostChars);
    }

    private static string Normalise(string host) =>
        IsHostName(host)
            ? host.Trim().ToLowerInvariant()
            : throw new ArgumentException($"'{host}' is not a host name; a mirror host is written like 'nitter.example.org'.", nameof(host));
}

using System.Diagnostics.CodeAnalysis;

namespace Archiver.Citations;

/// <summary>
/// Reads status URLs (reference 4.2): <c>/{user}/status/{id}</c>, <c>/statuses/</c>, <c>/i/status/</c>,
/// <c>/i/web/status/</c> and <c>/#!/</c> paths, anything after the id. <see cref="Parse"/>, <see cref="TryParse"/>
/// and the scanner share <see cref="TryMatch"/>, which says why a candidate is not a status URL.
/// </summary>
internal static class StatusUrlParser
{
    public const int MaxIdDigits = 19;

    public const int MaxScreenNameLength = 15;

    private const string LargestId = "9223372036854775807";

    /// <summary>Reads one whole URL such as an <c>href</c> value; throws <see cref="FormatException"/> saying why not.</summary>
    public static StatusLink Parse(string url, TweetHosts? hosts = null) =>
        ParseWhole(url, hosts ?? TweetHosts.Default, out var rejection) ?? throw new FormatException(rejection.Message);

    /// <summary>Reads one whole URL such as an <c>href</c> value.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out StatusLink? link, TweetHosts? hosts = null)
    {
        link = url is null ? null : ParseWhole(url, hosts ?? TweetHosts.Default, out _);
        return link is not null;
    }

    /// <summary>
    /// Reads a status id written on its own (an embed's <c>data-tweet-id</c>, an iframe's <c>id=</c>): 1 to 19 ASCII
    /// digits within the range of ids; leading zeros are dropped.
    /// </summary>
    public static bool TryReadId(ReadOnlySpan<char> digits, [NotNullWhen(true)] out string? id)
    {
        id = null;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9') && IsInRange(digits, out id);
    }

    /// <summary>
    /// Reads the path after a status host found in running text. The link spans from the scheme (or host) to the
    /// end of the URL, query and fragment included.
    /// </summary>
    public static bool TryMatch(string text, HostRun run, [NotNullWhen(true)] out StatusLink? link, out Rejection rejection)
    {
        link = null;
        var position = run.HostEnd + 1;
        if (text.AsSpan(position).StartsWith("#!/"))
        {
            position += 3;
        }

        var segmentStart = position;
        while (position < text.Length && CharKinds.IsHandleChar(text[position]))
        {
            position++;
        }

        var segment = text.AsSpan(segmentStart, position - segmentStart);
        if (segment.IsEmpty || position >= text.Length || text[position] != '/')
        {
            rejection = Rejection.Url(RejectionReason.NotStatusPage, text, run.UrlStart, run.HostEnd);
            return false;
        }

        position++;
        string? screenName = null;
        if (segment.Equals("i", StringComparison.OrdinalIgnoreCase))
        {
            if (text.AsSpan(position).StartsWith("web/", StringComparison.OrdinalIgnoreCase))
            {
                position += "web/".Length;
            }
        }
        else if (segment.Length > MaxScreenNameLength)
        {
            rejection = new Rejection(RejectionReason.ScreenNameTooLong, text, segmentStart, segment.Length);
            return false;
        }
        else
        {
            screenName = segment.ToString();
        }

        var path = text.AsSpan(position);
        if (path.StartsWith("statuses/", StringComparison.OrdinalIgnoreCase))
        {
            position += "statuses/".Length;
        }
        else if (path.StartsWith("status/", StringComparison.OrdinalIgnoreCase))
        {
            position += "status/".Length;
        }
        else
        {
            rejection = Rejection.Url(RejectionReason.NotStatusPage, text, run.UrlStart, run.HostEnd);
            return false;
        }

        var idStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (!TryReadIdAt(text, idStart, position, run, out var id, out rejection))
        {
            return false;
        }

        var end = UrlTail.Extend(text, position);
        link = new StatusLink(id, screenName, run.UrlStart, end - run.UrlStart);
        return true;
    }

    private static bool TryReadIdAt(string text, int start, int end, HostRun run, [NotNullWhen(true)] out string? id, out Rejection rejection)
    {
        id = null;
        var digits = text.AsSpan(start, end - start);
        rejection = digits switch
        {
            { IsEmpty: true } => Rejection.Url(RejectionReason.NoId, text, run.UrlStart, run.HostEnd),
            { Length: > MaxIdDigits } => new Rejection(RejectionReason.IdTooLong, text, start, digits.Length),
            _ when end < text.Length && CharKinds.GluesToLink(CharKinds.At(text, end)) => new Rejection(RejectionReason.IdRunsOn, text, start, digits.Length + 1),
            _ when !IsInRange(digits, out id) => new Rejection(RejectionReason.IdOutOfRange, text, start, digits.Length),
            _ => Rejection.None,
        };
        return id is not null;
    }

    /// <summary>Whether 1 to 19 digits name an id from 1 to <see cref="long.MaxValue"/>; the id without leading zeros.</summary>
    private static bool IsInRange(ReadOnlySpan<char> digits, [NotNullWhen(true)] out string? id)
    {
        var significant = digits.TrimStart('0');
        if (digits.Length > MaxIdDigits || significant.IsEmpty
            || (significant.Length == MaxIdDigits && significant.SequenceCompareTo(LargestId) > 0))
        {
            id = null;
            return false;
        }

        id = significant.ToString();
        return true;
    }

    private static StatusLink? ParseWhole(string url, TweetHosts hosts, out Rejection rejection)
    {
        if (!HostRun.TryLocate(url, hosts, out var run, out rejection))
        {
            return null;
        }

        if (run.Kind != HostKind.Status)
        {
            rejection = Rejection.Whole(RejectionReason.ShortLinkNotStatus, url);
            return null;
        }

        if (!TryMatch(url, run, out var link, out rejection) || !HostRun.EndsAt(url, link.Offset + link.Length, out rejection))
        {
            return null;
        }

        return link;
    }
}

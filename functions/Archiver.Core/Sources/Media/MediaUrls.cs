using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Archiver.Sources;

/// <summary>The media URL rules of <c>pbs.twimg.com</c> and <c>video.twimg.com</c> (reference section 5).</summary>
internal static partial class MediaUrls
{
    /// <summary>The sizes to try, in order, when a photo's <c>name=orig</c> answers 404 (gallery-dl's chain).</summary>
    public static IReadOnlyList<string> PhotoFallbackSizes { get; } = ["4096x4096", "large", "medium", "small"];

    /// <summary>
    /// The key and format of a <c>/media/</c> photo URL in any of its styles: <c>/media/KEY.jpg</c>,
    /// <c>/media/KEY.jpg:large</c>, <c>/media/KEY?format=jpg&amp;name=small</c>, <c>/media/KEY.jpg?name=orig</c>.
    /// </summary>
    public static bool TryParsePhoto(string url, [NotNullWhen(true)] out string? key, [NotNullWhen(true)] out string? format)
    {
        key = null;
        format = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var match = PhotoPath().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            return false;
        }

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var extension = match.Groups["ext"].Success ? match.Groups["ext"].Value : null;
        var formatValue = extension ?? query["format"];
        if (string.IsNullOrEmpty(formatValue) || !formatValue.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        key = match.Groups["key"].Value;
        format = formatValue.ToLowerInvariant();
        return true;
    }

    /// <summary>A photo in the query style: <c>https://pbs.twimg.com/media/KEY?format=FORMAT&amp;name=SIZE</c>.</summary>
    public static string Photo(string key, string format, string size) =>
        $"https://pbs.twimg.com/media/{key}?format={format}&name={size}";

    /// <summary>
    /// A photo at original quality and its fallback ladder. A URL that is not a <c>/media/</c> photo is kept as given,
    /// with no fallbacks.
    /// </summary>
    public static (string Url, IReadOnlyList<string> FallbackUrls) PhotoOriginal(string url) =>
        TryParsePhoto(url, out var key, out var format)
            ? (Photo(key, format, "orig"), [.. PhotoFallbackSizes.Select(size => Photo(key, format, size))])
            : (url, []);

    /// <summary>
    /// The 400x400 avatar: rewrites <c>_normal</c>, <c>_bigger</c>, <c>_mini</c> or <c>_200x200</c> at the end of the file
    /// name. A URL with none of them (an original upload, or already 400x400) is returned as given.
    /// </summary>
    public static string ProfileImage400(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var match = ProfileImageSuffix().Match(url);
        return match.Success
            ? string.Concat(url.AsSpan(0, match.Groups["size"].Index), "_400x400", url.AsSpan(match.Groups["size"].Index + match.Groups["size"].Length))
            : url;
    }

    /// <summary>
    /// The highest-bitrate <c>video/mp4</c> variant; never the HLS playlist. Variants come unsorted; a missing bitrate counts
    /// as 0 (a GIF's single variant has bitrate 0); on a tie the first listed wins. Null when there is no mp4 at all.
    /// </summary>
    internal static string? BestMp4(IEnumerable<(string? Url, string? ContentType, long? Bitrate)> variants)
    {
        string? best = null;
        long bestBitrate = -1;
        foreach (var (url, contentType, bitrate) in variants)
        {
            if (string.IsNullOrEmpty(url) || !IsMp4(contentType, url))
            {
                continue;
            }

            if ((bitrate ?? 0) > bestBitrate)
            {
                best = url;
                bestBitrate = bitrate ?? 0;
            }
        }

        return best;
    }

    /// <summary>
    /// What stays the same for one piece of media whichever source or size it came through: the photo key, the video's
    /// media id (or a GIF's key), else the URL without its query.
    /// </summary>
    internal static string Identity(TweetMedia media)
    {
        if (TryParsePhoto(media.Url, out var key, out _))
        {
            return $"{media.Kind}:{key}";
        }

        if (Uri.TryCreate(media.Url, UriKind.Absolute, out var uri))
        {
            var video = VideoPath().Match(uri.AbsolutePath);
            return video.Success
                ? $"{media.Kind}:{video.Groups["id"].Value}"
                : $"{media.Kind}:{uri.IdnHost.ToLowerInvariant()}{uri.AbsolutePath}";
        }

        return $"{media.Kind}:{media.Url}";
    }

    private static bool IsMp4(string? contentType, string url) =>
        contentType is null
            ? Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)
            : contentType.Equals("video/mp4", StringComparison.OrdinalIgnoreCase) || contentType.Equals("mp4", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^/media/(?<key>[A-Za-z0-9_-]+)(?:\.(?<ext>[A-Za-z0-9]+))?(?::[A-Za-z0-9]+)?$")]
    private static partial Regex PhotoPath();

    [GeneratedRegex(@"^/(?:ext_tw_video|amplify_video)/(?<id>[0-9]+)/|^/tweet_video/(?<id>[A-Za-z0-9_-]+)\.")]
    private static partial Regex VideoPath();

    [GeneratedRegex(@"(?<size>_(?:normal|bigger|mini|200x200))(?:\.[A-Za-z0-9]+)?(?:\?.*)?$")]
    private static partial Regex ProfileImageSuffix();
}

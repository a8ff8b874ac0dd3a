using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// Media of a syndication tweet, from <c>mediaDetails</c>; from the simplified <c>photos</c> and <c>video</c> only when
/// <c>mediaDetails</c> is absent. Entries of an unknown type, or videos without any mp4 variant, are left out.
/// </summary>
internal static class SyndicationMediaReader
{
    public static IReadOnlyList<TweetMedia> Read(JsonElement tweet)
    {
        var details = tweet.EnumerateArrayOrEmpty("mediaDetails").ToList();
        return details.Count > 0
            ? [.. details.Select(FromDetail).OfType<TweetMedia>()]
            : [.. tweet.EnumerateArrayOrEmpty("photos").Select(FromPhoto).Append(FromVideo(tweet.GetObjectOrNull("video"))).OfType<TweetMedia>()];
    }

    /// <summary>Where the first media link starts in the text (code points), from <c>entities.media</c> or <c>mediaDetails</c>.</summary>
    public static int? FirstMediaIndex(JsonElement tweet)
    {
        var starts = (tweet.GetObjectOrNull("entities") is { } entities ? entities.EnumerateArrayOrEmpty("media") : [])
            .Concat(tweet.EnumerateArrayOrEmpty("mediaDetails"))
            .Select(media => media.GetRangeOrNull("indices")?.Start)
            .OfType<int>()
            .ToList();
        return starts.Count > 0 ? starts.Min() : null;
    }

    private static TweetMedia? FromDetail(JsonElement media)
    {
        var kind = media.GetStringOrNull("type") switch
        {
            "photo" => MediaKind.Photo,
            "video" => MediaKind.Video,
            "animated_gif" => MediaKind.AnimatedGif,
            _ => (MediaKind?)null,
        };
        var imageUrl = media.GetStringOrNull("media_url_https") ?? media.GetStringOrNull("media_url");
        if (kind is null || imageUrl is null)
        {
            return null;
        }

        var original = media.GetObjectOrNull("original_info");
        var width = original?.GetInt32OrNull("width");
        var height = original?.GetInt32OrNull("height");
        if (kind == MediaKind.Photo)
        {
            var (url, fallbacks) = MediaUrls.PhotoOriginal(imageUrl);
            return new TweetMedia
            {
                Kind = MediaKind.Photo,
                Url = url,
                FallbackUrls = fallbacks,
                Width = width,
                Height = height,
                AltText = media.GetStringOrNull("ext_alt_text"),
                ExpandedUrl = media.GetStringOrNull("expanded_url"),
                ShortUrl = media.GetStringOrNull("url"),
            };
        }

        var videoInfo = media.GetObjectOrNull("video_info");
        var best = videoInfo is { } info
            ? MediaUrls.BestMp4(info.EnumerateArrayOrEmpty("variants").Select(v =>
                (v.GetStringOrNull("url"), v.GetStringOrNull("content_type"), v.GetInt64OrNull("bitrate"))))
            : null;
        return best is null
            ? null
            : new TweetMedia
            {
                Kind = kind.Value,
                Url = best,
                PosterUrl = imageUrl,
                Width = width,
                Height = height,
                DurationMs = videoInfo?.GetInt64OrNull("duration_millis"),
                AltText = media.GetStringOrNull("ext_alt_text"),
                ExpandedUrl = media.GetStringOrNull("expanded_url"),
                ShortUrl = media.GetStringOrNull("url"),
            };
    }

    private static TweetMedia? FromPhoto(JsonElement photo)
    {
        if (photo.GetStringOrNull("url") is not { } imageUrl)
        {
            return null;
        }

        var (url, fallbacks) = MediaUrls.PhotoOriginal(imageUrl);
        return new TweetMedia
        {
            Kind = MediaKind.Photo,
            Url = url,
            FallbackUrls = fallbacks,
            Width = photo.GetInt32OrNull("width"),
            Height = photo.GetInt32OrNull("height"),
            ExpandedUrl = photo.GetStringOrNull("expandedUrl"),
        };
    }

    private static TweetMedia? FromVideo(JsonElement? video)
    {
        if (video is not { } v
            || MediaUrls.BestMp4(v.EnumerateArrayOrEmpty("variants").Select(x => (x.GetStringOrNull("src"), x.GetStringOrNull("type"), (long?)null)))
                is not { } best)
        {
            return null;
        }

        return new TweetMedia
        {
            Kind = v.GetStringOrNull("contentType") is "gif" or "animated_gif" ? MediaKind.AnimatedGif : MediaKind.Video,
            Url = best,
            PosterUrl = v.GetStringOrNull("poster"),
            DurationMs = v.GetInt64OrNull("durationMs"),
        };
    }
}

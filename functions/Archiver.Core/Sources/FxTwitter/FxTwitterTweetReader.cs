using System.Globalization;
using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// An FxTwitter tweet (v1 <c>tweet</c>, v2 <c>status</c>, or a nested <c>quote</c>) as <see cref="TweetData"/>. The text
/// comes from <c>raw_text</c> by the same rules as syndication's, so the two sources agree; FxTwitter's own <c>text</c>
/// (links expanded, media link removed) is used only when <c>raw_text</c> is missing. FxTwitter gives the full text of
/// note tweets, so <see cref="TweetData.Truncated"/> stays false; it gives no card details and no edit metadata.
/// </summary>
internal static class FxTwitterTweetReader
{
    private const int MaxDepth = 3;

    public static TweetData? Read(JsonElement tweet, int depth = 0)
    {
        if (tweet.GetStringOrNull("id") is not { } id)
        {
            return null;
        }

        var raw = tweet.GetObjectOrNull("raw_text");
        var facets = raw is { } r ? r.EnumerateArrayOrEmpty("facets").ToList() : [];
        var mediaFacets = facets.Where(f => f.GetStringOrNull("type") == "media").ToList();
        var mediaStart = mediaFacets.Select(f => f.GetRangeOrNull("indices")?.Start).OfType<int>().DefaultIfEmpty(-1).Min();
        var text = raw?.GetStringOrNull("text") is { } rawText
            ? DisplayText.Visible(rawText, raw.Value.GetRangeOrNull("display_text_range"), mediaStart >= 0 ? mediaStart : null)
            : tweet.GetStringOrNull("text") ?? "";
        var quoted = depth < MaxDepth && tweet.GetObjectOrNull("quote") is { } q ? Read(q, depth + 1) : null;
        var replyingTo = tweet.GetObjectOrNull("replying_to");

        return new TweetData
        {
            Id = id,
            Text = text,
            Lang = tweet.GetStringOrNull("lang"),
            CreatedAt = ReadCreatedAt(tweet),
            Author = ReadAuthor(tweet.GetObjectOrNull("author")),
            Counts = new TweetCounts
            {
                Likes = tweet.GetInt64OrNull("likes"),
                Replies = tweet.GetInt64OrNull("replies"),
                Retweets = tweet.GetInt64OrNull("retweets") ?? tweet.GetInt64OrNull("reposts"),
                Quotes = tweet.GetInt64OrNull("quotes"),
                Bookmarks = tweet.GetInt64OrNull("bookmarks"),
                Views = tweet.GetInt64OrNull("views"),
            },
            Media = ReadMedia(tweet.GetObjectOrNull("media"), mediaFacets.Select(f => f.GetStringOrNull("original")).FirstOrDefault(u => u is not null)),
            Links = [.. facets
                .Where(f => f.GetStringOrNull("type") == "url" && f.GetStringOrNull("original") is not null)
                .Select(f => new TweetLink
                {
                    Url = f.GetStringOrNull("original")!,
                    ExpandedUrl = f.GetStringOrNull("replacement"),
                    DisplayUrl = f.GetStringOrNull("display"),
                })],
            QuotedTweetId = quoted?.Id,
            QuotedTweet = quoted,
            ParentTweetId = tweet.GetStringOrNull("replying_to_status") ?? replyingTo?.GetStringOrNull("post"),
            InReplyToScreenName = replyingTo?.GetStringOrNull("screen_name") ?? tweet.GetStringOrNull("replying_to"),
            PossiblySensitive = tweet.GetBoolOrNull("possibly_sensitive"),
        };
    }

    private static DateTimeOffset? ReadCreatedAt(JsonElement tweet)
    {
        if (tweet.GetInt64OrNull("created_timestamp") is { } seconds and >= 0 and <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(
            tweet.GetStringOrNull("created_at"), "ddd MMM dd HH:mm:ss +0000 yyyy", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
    }

    /// <summary>
    /// The author. <c>verification.verified</c> is any check mark: a <c>business</c> or <c>government</c> type becomes
    /// <see cref="TweetAuthor.VerifiedType"/>, any other verified author counts as <see cref="TweetAuthor.BlueVerified"/>
    /// (FxTwitter does not tell legacy verification apart).
    /// </summary>
    private static TweetAuthor? ReadAuthor(JsonElement? author)
    {
        if (author is not { } a || a.GetStringOrNull("screen_name") is not { } screenName)
        {
            return null;
        }

        var verification = a.GetObjectOrNull("verification");
        var verified = verification?.GetBoolOrNull("verified") ?? false;
        var type = verification?.GetStringOrNull("type")?.ToLowerInvariant();
        return new TweetAuthor
        {
            Id = a.GetStringOrNull("id"),
            Name = a.GetStringOrNull("name") ?? screenName,
            ScreenName = screenName,
            BlueVerified = verified && type is not ("business" or "government"),
            VerifiedType = verified ? type switch { "business" => "Business", "government" => "Government", _ => null } : null,
            ProfileImageUrl = a.GetStringOrNull("avatar_url"),
        };
    }

    /// <summary><c>media.all</c> (or <c>photos</c> then <c>videos</c> when <c>all</c> is missing). Every item shares the one media t.co link.</summary>
    private static IReadOnlyList<TweetMedia> ReadMedia(JsonElement? media, string? shortUrl)
    {
        if (media is not { } m)
        {
            return [];
        }

        var all = m.EnumerateArrayOrEmpty("all").ToList();
        if (all.Count == 0)
        {
            all = [.. m.EnumerateArrayOrEmpty("photos"), .. m.EnumerateArrayOrEmpty("videos")];
        }

        return [.. all.Select(item => ReadItem(item, shortUrl)).OfType<TweetMedia>()];
    }

    private static TweetMedia? ReadItem(JsonElement item, string? shortUrl)
    {
        var width = item.GetInt32OrNull("width");
        var height = item.GetInt32OrNull("height");
        var altText = item.GetStringOrNull("altText");
        switch (item.GetStringOrNull("type"))
        {
            case "photo" when item.GetStringOrNull("url") is { } photoUrl:
                var (url, fallbacks) = MediaUrls.PhotoOriginal(photoUrl);
                return new TweetMedia { Kind = MediaKind.Photo, Url = url, FallbackUrls = fallbacks, Width = width, Height = height, AltText = altText, ShortUrl = shortUrl };
            case "video" or "gif" when BestVideo(item) is { } best:
                var seconds = item.GetDoubleOrNull("duration");
                return new TweetMedia
                {
                    Kind = item.GetStringOrNull("type") == "gif" ? MediaKind.AnimatedGif : MediaKind.Video,
                    Url = best,
                    PosterUrl = item.GetStringOrNull("thumbnail_url"),
                    Width = width,
                    Height = height,
                    DurationMs = seconds is > 0 and < 1e12 ? (long)Math.Round(seconds.Value * 1000) : null,
                    AltText = altText,
                    ShortUrl = shortUrl,
                };
            default:
                return null;
        }
    }

    /// <summary>The best mp4 of <c>variants</c> (v1) or <c>formats</c> (v2, skipping HEVC), else <c>url</c> if it is an mp4.</summary>
    private static string? BestVideo(JsonElement item) =>
        MediaUrls.BestMp4(item.EnumerateArrayOrEmpty("variants")
            .Select(v => (v.GetStringOrNull("url"), v.GetStringOrNull("content_type"), v.GetInt64OrNull("bitrate"))))
        ?? MediaUrls.BestMp4(item.EnumerateArrayOrEmpty("formats")
            .Where(f => f.GetStringOrNull("codec") is not { } codec || !codec.Contains("hevc", StringComparison.OrdinalIgnoreCase))
            .Select(f => (f.GetStringOrNull("url"), f.GetStringOrNull("container"), f.GetInt64OrNull("bitrate"))))
        ?? MediaUrls.BestMp4([(item.GetStringOrNull("url"), item.GetStringOrNull("format"), null)]);
}

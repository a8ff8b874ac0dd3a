using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Archiver.Tests.Fakes;

/// <summary>
/// Builds the fake upstream's JSON bodies from a <see cref="FakeTweet"/>, in the shapes the reference describes
/// (syndication 2026 shape: omitted empty arrays, x.com links; oEmbed with <c>omit_script</c>; FxTwitter v1).
/// </summary>
public static class FakePayloads
{
    /// <summary>A <c>tweet-result</c> body: <c>__typename</c> Tweet with text, entities, user, media, quoted and parent.</summary>
    public static JsonObject Syndication(FakeTweet tweet, int depth = 0)
    {
        var (text, mediaRange) = SyndicationText(tweet);
        var json = new JsonObject
        {
            ["__typename"] = "Tweet",
            ["lang"] = tweet.Lang,
            ["favorite_count"] = tweet.Likes,
            ["created_at"] = tweet.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            // As in the recorded responses: the range runs to the end of the trailing media link; readers clip it there.
            ["display_text_range"] = new JsonArray(0, CodePoints(text)),
            ["id_str"] = tweet.Id,
            ["text"] = text,
            ["edit_control"] = new JsonObject
            {
                ["edit_tweet_ids"] = new JsonArray([.. (tweet.EditTweetIds ?? [tweet.Id]).Select(id => (JsonNode)JsonValue.Create(id))]),
                ["editable_until_msecs"] = (tweet.Created.ToUnixTimeMilliseconds() + 3_600_000).ToString(CultureInfo.InvariantCulture),
                ["is_edit_eligible"] = true,
                ["edits_remaining"] = "5",
            },
            ["isEdited"] = false,
            ["isStaleEdit"] = false,
        };
        if (depth == 0)
        {
            json["conversation_count"] = tweet.Replies;
            json["news_action_type"] = "conversation";
        }
        else
        {
            json["reply_count"] = tweet.Replies;
            json["retweet_count"] = 3;
        }

        if (!tweet.WithoutUser)
        {
            json["user"] = User(tweet);
        }

        if (mediaRange is { } range)
        {
            var link = MediaLink(tweet, range);
            json["entities"] = new JsonObject { ["media"] = new JsonArray(link) };
            json["mediaDetails"] = MediaDetails(tweet, range);
        }
        else
        {
            json["entities"] = new JsonObject();
        }

        if (tweet.NoteTweet)
        {
            json["note_tweet"] = new JsonObject { ["id"] = $"Tm90ZVR3ZWV0:{tweet.Id}" };
        }

        if (tweet.Quoted is { } quoted && depth == 0)
        {
            json["quoted_tweet"] = Syndication(quoted, depth + 1);
        }

        if (tweet.Parent is { } parent && depth == 0)
        {
            json["in_reply_to_screen_name"] = parent.ScreenName;
            json["in_reply_to_status_id_str"] = parent.Id;
            json["in_reply_to_user_id_str"] = parent.UserId;
            json["parent"] = Syndication(parent, depth + 1);
        }

        return json;
    }

    /// <summary>A <c>TweetTombstone</c>, with its sentence when given, with an empty <c>tombstone</c> object when asked.</summary>
    public static JsonObject Tombstone(string? wording, bool emptyTombstone = false)
    {
        var json = new JsonObject { ["__typename"] = "TweetTombstone" };
        if (wording is not null)
        {
            json["tombstone"] = new JsonObject
            {
                ["text"] = new JsonObject { ["text"] = wording, ["entities"] = new JsonArray(), ["rtl"] = false },
            };
        }
        else if (emptyTombstone)
        {
            json["tombstone"] = new JsonObject();
        }

        return json;
    }

    /// <summary>An oEmbed answer (X branding, <c>omit_script=1&amp;dnt=true</c>).</summary>
    public static JsonObject OEmbed(FakeTweet tweet)
    {
        var paragraph = WebUtility.HtmlEncode(tweet.Text);
        if (tweet.Photos.Count > 0 || tweet.Video is not null)
        {
            paragraph += $" <a href=\"https://t.co/{tweet.MediaCode}\">pic.twitter.com/{tweet.MediaCode}</a>";
        }

        var date = tweet.Created.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        var html = $"<blockquote class=\"twitter-tweet\" data-dnt=\"true\"><p lang=\"{tweet.Lang}\" dir=\"ltr\">{paragraph}</p>&mdash; "
            + $"{WebUtility.HtmlEncode(tweet.Name)} (@{tweet.ScreenName}) <a href=\"{tweet.StatusUrl}?ref_src=twsrc%5Etfw\">{date}</a></blockquote>\n\n";
        return new JsonObject
        {
            ["url"] = tweet.StatusUrl,
            ["author_name"] = tweet.Name,
            ["author_url"] = $"https://x.com/{tweet.ScreenName}",
            ["html"] = html,
            ["width"] = 550,
            ["height"] = null,
            ["type"] = "rich",
            ["cache_age"] = "3153600000",
            ["provider_name"] = "X",
            ["provider_url"] = "https://x.com",
            ["version"] = "1.0",
        };
    }

    /// <summary>FxTwitter's v1 envelope with the tweet.</summary>
    public static JsonObject FxTwitter(FakeTweet tweet) => new()
    {
        ["code"] = 200,
        ["message"] = "OK",
        ["tweet"] = FxTweet(tweet),
    };

    /// <summary>FxTwitter's v1 envelope without a tweet: 404 <c>NOT_FOUND</c>, 401 <c>PRIVATE_TWEET</c>, 500 <c>API_FAIL</c>.</summary>
    public static JsonObject FxTwitterError(int code, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["tweet"] = null,
    };

    private static JsonObject FxTweet(FakeTweet tweet)
    {
        var json = new JsonObject
        {
            ["url"] = tweet.StatusUrl,
            ["id"] = tweet.Id,
            ["text"] = tweet.Text,
            ["author"] = new JsonObject
            {
                ["id"] = tweet.UserId,
                ["name"] = tweet.Name,
                ["screen_name"] = tweet.ScreenName,
                ["avatar_url"] = tweet.ProfileImageUrl.Replace("_normal", "_200x200", StringComparison.Ordinal),
                ["protected"] = false,
                ["verification"] = new JsonObject { ["verified"] = false, ["type"] = null },
            },
            ["replies"] = tweet.Replies,
            ["retweets"] = 95,
            ["likes"] = tweet.Likes,
            ["created_at"] = tweet.Created.UtcDateTime.ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture),
            ["created_timestamp"] = tweet.Created.ToUnixTimeSeconds(),
            ["lang"] = tweet.Lang,
            ["possibly_sensitive"] = false,
            ["replying_to"] = tweet.Parent?.ScreenName,
            ["replying_to_status"] = tweet.Parent?.Id,
            ["is_note_tweet"] = tweet.NoteTweet,
        };
        var photos = tweet.Photos.Select(photo => (JsonNode)new JsonObject
        {
            ["type"] = "photo",
            ["url"] = $"{photo.MediaUrl}?name=orig",
            ["width"] = photo.Width,
            ["height"] = photo.Height,
            ["altText"] = photo.AltText,
        }).ToArray();
        JsonNode[] videos = tweet.Video is { } video ? [FxVideo(video)] : [];
        if (photos.Length > 0 || videos.Length > 0)
        {
            var media = new JsonObject { ["all"] = new JsonArray([.. photos.Concat(videos).Select(p => p.DeepClone())]) };
            if (photos.Length > 0)
            {
                media["photos"] = new JsonArray(photos);
            }

            if (videos.Length > 0)
            {
                media["videos"] = new JsonArray(videos);
            }

            json["media"] = media;
        }

        if (tweet.Quoted is { } quoted)
        {
            json["quote"] = FxTweet(quoted);
        }

        return json;
    }

    /// <summary>A v1 video or GIF: the best mp4 as <c>url</c>, the poster, the duration in seconds (0 for a GIF), every variant.</summary>
    private static JsonObject FxVideo(FakeVideo video)
    {
        var best = video.Variants.Where(v => v.ContentType == "video/mp4").MaxBy(v => v.Bitrate ?? 0);
        return new JsonObject
        {
            ["type"] = video.Gif ? "gif" : "video",
            ["url"] = best?.Url,
            ["thumbnail_url"] = video.PosterUrl,
            ["duration"] = video.Gif ? 0 : video.DurationMs / 1000.0,
            ["width"] = video.Width,
            ["height"] = video.Height,
            ["format"] = "video/mp4",
            ["variants"] = new JsonArray([.. video.Variants.Select(v => (JsonNode)new JsonObject
            {
                ["url"] = v.Url,
                ["bitrate"] = v.Bitrate ?? 0,
                ["content_type"] = v.ContentType,
            })]),
        };
    }

    /// <summary>The escaped text as syndication sends it, with the media link appended; the link's code-point range.</summary>
    private static (string Text, (int Start, int End)? MediaRange) SyndicationText(FakeTweet tweet)
    {
        var text = tweet.Text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        if (tweet.NoteTweet && CodePoints(text) > 270)
        {
            text = string.Concat(text.EnumerateRunes().Take(270).Select(r => r.ToString())) + "…";
        }

        if (tweet.Photos.Count == 0 && tweet.Video is null)
        {
            return (text, null);
        }

        var start = CodePoints(text) + 1;
        text += $" https://t.co/{tweet.MediaCode}";
        return (text, (start, CodePoints(text)));
    }

    private static JsonObject User(FakeTweet tweet) => new()
    {
        ["id_str"] = tweet.UserId,
        ["name"] = tweet.Name,
        ["screen_name"] = tweet.ScreenName,
        ["profile_image_url_https"] = tweet.ProfileImageUrl,
        ["profile_image_shape"] = "Circle",
        ["verified"] = false,
        ["is_blue_verified"] = false,
    };

    private static JsonObject MediaLink(FakeTweet tweet, (int Start, int End) range) => new()
    {
        ["display_url"] = $"pic.x.com/{tweet.MediaCode}",
        ["expanded_url"] = $"{tweet.StatusUrl}/{(tweet.Video is { Gif: false } ? "video" : "photo")}/1",
        ["indices"] = new JsonArray(range.Start, range.End),
        ["url"] = $"https://t.co/{tweet.MediaCode}",
    };

    private static JsonArray MediaDetails(FakeTweet tweet, (int Start, int End) range)
    {
        var details = new JsonArray();
        foreach (var photo in tweet.Photos)
        {
            var detail = MediaLink(tweet, range);
            detail["type"] = "photo";
            detail["media_url_https"] = photo.MediaUrl;
            detail["original_info"] = new JsonObject { ["width"] = photo.Width, ["height"] = photo.Height };
            detail["ext_media_availability"] = new JsonObject { ["status"] = "Available" };
            if (photo.AltText is not null)
            {
                detail["ext_alt_text"] = photo.AltText;
            }

            details.Add(detail);
        }

        if (tweet.Video is { } video)
        {
            var detail = MediaLink(tweet, range);
            detail["type"] = video.Gif ? "animated_gif" : "video";
            detail["media_url_https"] = video.PosterUrl;
            detail["original_info"] = new JsonObject { ["width"] = video.Width, ["height"] = video.Height };
            detail["ext_media_availability"] = new JsonObject { ["status"] = "Available" };
            var info = new JsonObject
            {
                ["aspect_ratio"] = new JsonArray(16, 9),
                ["variants"] = new JsonArray([.. video.Variants.Select(Variant)]),
            };
            if (!video.Gif)
            {
                info["duration_millis"] = video.DurationMs;
            }

            detail["video_info"] = info;
            details.Add(detail);
        }

        return details;
    }

    private static JsonNode Variant(FakeVariant variant)
    {
        var json = new JsonObject { ["content_type"] = variant.ContentType, ["url"] = variant.Url };
        if (variant.Bitrate is { } bitrate)
        {
            json["bitrate"] = bitrate;
        }

        return json;
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();
}

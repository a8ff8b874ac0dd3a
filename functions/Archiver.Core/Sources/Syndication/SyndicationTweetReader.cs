using System.Globalization;
using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// A syndication tweet object (the top level, a <c>quoted_tweet</c> or a <c>parent</c>) as <see cref="TweetData"/>.
/// Everything but the id is optional: missing members read as absent.
/// </summary>
internal static class SyndicationTweetReader
{
    /// <summary>How deep quoted and parent tweets are followed (a quote of a quote is already unusual).</summary>
    private const int MaxDepth = 3;

    /// <summary>The tweet, or null when it has no id.</summary>
    public static TweetData? Read(JsonElement tweet, int depth = 0)
    {
        if ((tweet.GetStringOrNull("id_str") ?? tweet.GetStringOrNull("id")) is not { } id)
        {
            return null;
        }

        var quoted = depth < MaxDepth && tweet.GetObjectOrNull("quoted_tweet") is { } q ? Read(q, depth + 1) : null;
        var parent = depth < MaxDepth && tweet.GetObjectOrNull("parent") is { } p ? Read(p, depth + 1) : null;
        var text = tweet.GetStringOrNull("text") ?? tweet.GetStringOrNull("full_text") ?? "";

        return new TweetData
        {
            Id = id,
            Text = DisplayText.Visible(text, tweet.GetRangeOrNull("display_text_range"), SyndicationMediaReader.FirstMediaIndex(tweet)),
            Lang = tweet.GetStringOrNull("lang"),
            CreatedAt = ParseInstant(tweet.GetStringOrNull("created_at")),
            Author = ReadAuthor(tweet.GetObjectOrNull("user")),
            Counts = new TweetCounts
            {
                Likes = tweet.GetInt64OrNull("favorite_count"),
                Replies = tweet.GetInt64OrNull("conversation_count") ?? tweet.GetInt64OrNull("reply_count"),
                Retweets = tweet.GetInt64OrNull("retweet_count"),
                Quotes = tweet.GetInt64OrNull("quote_count"),
            },
            Media = SyndicationMediaReader.Read(tweet),
            Links = ReadLinks(tweet.GetObjectOrNull("entities")),
            Card = SyndicationCardReader.Read(tweet.GetObjectOrNull("card")),
            QuotedTweetId = quoted?.Id ?? tweet.GetStringOrNull("quoted_status_id_str"),
            QuotedTweet = quoted,
            ParentTweetId = tweet.GetStringOrNull("in_reply_to_status_id_str") ?? parent?.Id,
            Parent = parent,
            InReplyToScreenName = tweet.GetStringOrNull("in_reply_to_screen_name"),
            Edits = ReadEdits(tweet),
            PossiblySensitive = tweet.GetBoolOrNull("possibly_sensitive"),
            Truncated = tweet.GetMember("note_tweet") is not null,
        };
    }

    internal static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    private static TweetAuthor? ReadAuthor(JsonElement? user)
    {
        if (user is not { } u || u.GetStringOrNull("screen_name") is not { } screenName)
        {
            return null;
        }

        return new TweetAuthor
        {
            Id = u.GetStringOrNull("id_str") ?? u.GetStringOrNull("id"),
            Name = u.GetStringOrNull("name") ?? screenName,
            ScreenName = screenName,
            Verified = u.GetBoolOrNull("verified") ?? false,
            BlueVerified = u.GetBoolOrNull("is_blue_verified") ?? false,
            VerifiedType = u.GetStringOrNull("verified_type"),
            ProfileImageUrl = u.GetStringOrNull("profile_image_url_https") ?? u.GetStringOrNull("profile_image_url"),
        };
    }

    private static IReadOnlyList<TweetLink> ReadLinks(JsonElement? entities) =>
        entities is { } e
            ? [.. e.EnumerateArrayOrEmpty("urls")
                .Where(u => u.GetStringOrNull("url") is not null)
                .Select(u => new TweetLink
                {
                    Url = u.GetStringOrNull("url")!,
                    ExpandedUrl = u.GetStringOrNull("expanded_url"),
                    DisplayUrl = u.GetStringOrNull("display_url"),
                })]
            : [];

    /// <summary>
    /// <c>edit_control</c> (or, for an edited tweet in the GraphQL shape, its <c>edit_control_initial</c>) with
    /// <c>isEdited</c>/<c>isStaleEdit</c>; null when the tweet says nothing about edits.
    /// </summary>
    private static TweetEdits? ReadEdits(JsonElement tweet)
    {
        var control = tweet.GetObjectOrNull("edit_control");
        if (control?.GetObjectOrNull("edit_control_initial") is { } initial)
        {
            control = initial;
        }

        var isEdited = tweet.GetBoolOrNull("isEdited");
        var isStale = tweet.GetBoolOrNull("isStaleEdit");
        if (control is null && isEdited is null && isStale is null)
        {
            return null;
        }

        var ids = control?.GetIdListOrEmpty("edit_tweet_ids") ?? [];
        var until = control?.GetInt64OrNull("editable_until_msecs");
        return new TweetEdits
        {
            EditTweetIds = ids,
            IsEdited = isEdited ?? ids.Count > 1,
            IsStaleEdit = isStale ?? false,
            EditableUntil = until is { } ms and >= 0 and <= 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        };
    }
}

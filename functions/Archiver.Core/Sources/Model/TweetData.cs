namespace Archiver.Sources;

/// <summary>
/// A tweet normalised from whichever upstream source supplied it. What a reader would call the tweet (text, media,
/// author name and handle, quoted and parent ids, card, links) is separate from the volatile <see cref="Counts"/>.
/// </summary>
public sealed record TweetData
{
    /// <summary>The status id as the source gave it (a retweet id may come back as the original's id).</summary>
    public required string Id { get; init; }

    /// <summary>The visible text: HTML entities decoded once, t.co links left as written (see <see cref="Links"/>).</summary>
    public required string Text { get; init; }

    public string? Lang { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The author; null when the source left it out (seen for deleted accounts).</summary>
    public TweetAuthor? Author { get; init; }

    public TweetCounts Counts { get; init; } = new();

    public IReadOnlyList<TweetMedia> Media { get; init; } = [];

    /// <summary>Links in the text with what they expand to.</summary>
    public IReadOnlyList<TweetLink> Links { get; init; } = [];

    public TweetCard? Card { get; init; }

    public string? QuotedTweetId { get; init; }

    /// <summary>The quoted tweet as the source nested it, archived as its own tweet.</summary>
    public TweetData? QuotedTweet { get; init; }

    public string? ParentTweetId { get; init; }

    /// <summary>The tweet replied to, as the source nested it, archived as its own tweet.</summary>
    public TweetData? Parent { get; init; }

    public string? InReplyToScreenName { get; init; }

    public TweetEdits? Edits { get; init; }

    public bool? PossiblySensitive { get; init; }

    /// <summary>True when the source says the text is cut short (a long "note tweet").</summary>
    public bool Truncated { get; init; }
}

public sealed record TweetAuthor
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public required string ScreenName { get; init; }

    public bool Verified { get; init; }

    public bool BlueVerified { get; init; }

    /// <summary><c>Business</c>, <c>Government</c> or null.</summary>
    public string? VerifiedType { get; init; }

    /// <summary>The avatar as the source gave it (often <c>_normal</c>); the archiver fetches <c>_400x400</c>.</summary>
    public string? ProfileImageUrl { get; init; }
}

/// <summary>Counters as last seen: volatile, never part of "did the tweet change?".</summary>
public sealed record TweetCounts
{
    public long? Likes { get; init; }

    public long? Replies { get; init; }

    public long? Retweets { get; init; }

    public long? Quotes { get; init; }

    public long? Bookmarks { get; init; }

    public long? Views { get; init; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnumConverter<MediaKind>))]
public enum MediaKind
{
    Photo,
    Video,
    AnimatedGif,
}

public sealed record TweetMedia
{
    public required MediaKind Kind { get; init; }

    /// <summary>What to download: a photo's original-quality URL, or the highest-bitrate mp4 variant.</summary>
    public required string Url { get; init; }

    /// <summary>Photos: the URLs to try, best first, when <see cref="Url"/> answers 404 (the reference's ladder).</summary>
    public IReadOnlyList<string> FallbackUrls { get; init; } = [];

    /// <summary>Video and GIF: the poster image.</summary>
    public string? PosterUrl { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public long? DurationMs { get; init; }

    public string? AltText { get; init; }

    /// <summary>The status URL the media link names; it can be another tweet's when media was re-used.</summary>
    public string? ExpandedUrl { get; init; }

    /// <summary>The t.co link of the media in the text.</summary>
    public string? ShortUrl { get; init; }
}

public sealed record TweetLink
{
    public required string Url { get; init; }

    public string? ExpandedUrl { get; init; }

    public string? DisplayUrl { get; init; }
}

public sealed record TweetCard
{
    public required string Name { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Domain { get; init; }

    public string? ImageUrl { get; init; }

    public string? ImageAlt { get; init; }
}

public sealed record TweetEdits
{
    /// <summary>Every id of the edit chain, oldest first, as the source lists them.</summary>
    public IReadOnlyList<string> EditTweetIds { get; init; } = [];

    public bool IsEdited { get; init; }

    public bool IsStaleEdit { get; init; }

    public DateTimeOffset? EditableUntil { get; init; }
}

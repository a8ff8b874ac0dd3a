namespace Archiver.Tests.Fakes;

/// <summary>
/// A fictional tweet the fake upstream serves through syndication, oEmbed and FxTwitter alike. Every value is made up;
/// defaults give a plain text tweet by a fictional harbour news desk.
/// </summary>
public sealed record FakeTweet
{
    public required string Id { get; init; }

    public string Text { get; init; } = "Water at the marina rose past the red line this evening & the slipway is shut.";

    public string ScreenName { get; init; } = "harbour_desk";

    public string Name { get; init; } = "Harbour Desk";

    public string UserId { get; init; } = "900000000000000001";

    public string Lang { get; init; } = "en";

    /// <summary>Defaults to the time in the snowflake id, as X's own data has it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    public IReadOnlyList<FakePhoto> Photos { get; init; } = [];

    public FakeVideo? Video { get; init; }

    /// <summary>The t.co code of the media link appended to the text when the tweet has media.</summary>
    public string MediaCode { get; init; } = "Zr8VbT4kYc";

    /// <summary>Leave <c>user</c> out of the syndication answer (seen for deleted accounts).</summary>
    public bool WithoutUser { get; init; }

    /// <summary>A long "note tweet": syndication truncates the text and adds <c>note_tweet</c>; FxTwitter has it whole.</summary>
    public bool NoteTweet { get; init; }

    public FakeTweet? Quoted { get; init; }

    public FakeTweet? Parent { get; init; }

    /// <summary>The edit chain, oldest first, as <c>edit_control.edit_tweet_ids</c> lists it; just this id when null.</summary>
    public IReadOnlyList<string>? EditTweetIds { get; init; }

    public long Likes { get; init; } = 412;

    public long Replies { get; init; } = 37;

    public DateTimeOffset Created => CreatedAt ?? FromSnowflake(Id);

    public string StatusUrl => $"https://x.com/{ScreenName}/status/{Id}";

    public string ProfileImageUrl => $"https://pbs.twimg.com/profile_images/1700000000000000000/{UserId[^8..]}_normal.jpg";

    private static DateTimeOffset FromSnowflake(string id) =>
        ulong.TryParse(id, out var value) && value > 1UL << 22
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value >> 22) + 1288834974657)
            : new DateTimeOffset(2010, 11, 4, 0, 0, 0, TimeSpan.Zero);
}

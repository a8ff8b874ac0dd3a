using Archiver.Sources;

namespace Archiver.Tests.Sources;

/// <summary>What a syndication tweet becomes, field by field.</summary>
public sealed class SyndicationTweetTests
{
    private static TweetData Parse(string body, string? url = null) =>
        Assert.IsType<TweetFound>(SyndicationParser.Parse(Exchanges.Json(200, body, url: url))).Tweet;

    [Fact]
    public void Parse_OldShape_ReadsTextLinksAuthorAndCounts()
    {
        var tweet = Parse(SyndicationFixtures.OldShapePhotoWithCard);

        Assert.Equal("1790000000000000000", tweet.Id);
        Assert.Equal("Ferry timetable changes from Monday & the night boat is back. #IslandLink via @PortAuthorityNW https://t.co/Fr3yT1mEtb", tweet.Text);
        Assert.Equal("en", tweet.Lang);
        Assert.Equal(new DateTimeOffset(2024, 5, 13, 12, 43, 51, TimeSpan.Zero), tweet.CreatedAt);
        var link = Assert.Single(tweet.Links);
        Assert.Equal(new TweetLink { Url = "https://t.co/Fr3yT1mEtb", ExpandedUrl = "https://example.net/ferries/timetable", DisplayUrl = "example.net/ferries/timeta…" }, link);
        Assert.Equal(
            new TweetAuthor
            {
                Id = "910000000000000001",
                Name = "Island Ferries",
                ScreenName = "island_ferries",
                Verified = false,
                BlueVerified = true,
                ProfileImageUrl = "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_normal.jpg",
            },
            tweet.Author);
        Assert.Equal(new TweetCounts { Likes = 230, Replies = 12 }, tweet.Counts);
        Assert.False(tweet.PossiblySensitive);
        Assert.False(tweet.Truncated);
        Assert.Null(tweet.QuotedTweet);
        Assert.Null(tweet.Parent);
    }

    [Fact]
    public void Parse_Photo_IsOriginalQualityWithTheLadder()
    {
        var photo = Assert.Single(Parse(SyndicationFixtures.OldShapePhotoWithCard).Media);

        Assert.Equal(MediaKind.Photo, photo.Kind);
        Assert.Equal("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=orig", photo.Url);
        Assert.Equal(
            ["4096x4096", "large", "medium", "small"],
            photo.FallbackUrls.Select(u => u[(u.IndexOf("name=", StringComparison.Ordinal) + 5)..]));
        Assert.Equal((2048, 1365), (photo.Width, photo.Height));
        Assert.Equal("The night ferry moored at the pier with its deck lights on", photo.AltText);
        Assert.Equal("https://twitter.com/island_ferries/status/1790000000000000000/photo/1", photo.ExpandedUrl);
        Assert.Equal("https://t.co/Ph0toK3yZz", photo.ShortUrl);
        Assert.Null(photo.PosterUrl);
        Assert.Null(photo.DurationMs);
    }

    [Fact]
    public void Parse_Card_ReadsBindingValuesAndTheLargestImage()
    {
        var card = Parse(SyndicationFixtures.OldShapePhotoWithCard).Card;

        Assert.Equal(
            new TweetCard
            {
                Name = "summary_large_image",
                Url = "https://t.co/Fr3yT1mEtb",
                Title = "Summer timetable: night crossings",
                Description = "Departures, fares and the return of the 23:40 boat.",
                Domain = "example.net",
                ImageUrl = "https://pbs.twimg.com/card_img/1789000000000000000/Xy12Zw34?format=jpg&name=orig",
                ImageAlt = "Timetable poster",
            },
            card);
    }

    [Fact]
    public void Parse_EditControl_ReadsStringsAsNumbers()
    {
        var edits = Parse(SyndicationFixtures.OldShapePhotoWithCard).Edits;

        Assert.NotNull(edits);
        Assert.Equal(["1790000000000000000"], edits.EditTweetIds);
        Assert.False(edits.IsEdited);
        Assert.False(edits.IsStaleEdit);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1715607831000), edits.EditableUntil);
    }

    [Fact]
    public void Parse_NewShape_ClipsAtMediaCountingCodePoints()
    {
        var tweet = Parse(SyndicationFixtures.NewShapeVideoQuoting);

        Assert.Equal("Crane lift finished ahead of schedule 🏗️ replay >>", tweet.Text);
        Assert.Empty(tweet.Links);
        Assert.Null(tweet.Card);
        Assert.Null(tweet.PossiblySensitive);
    }

    [Fact]
    public void Parse_Video_TakesHighestBitrateMp4NeverHls()
    {
        var video = Assert.Single(Parse(SyndicationFixtures.NewShapeVideoQuoting).Media);

        Assert.Equal(MediaKind.Video, video.Kind);
        Assert.Equal("https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/1280x720/HiGhBiTrAtE00001.mp4?tag=14", video.Url);
        Assert.Equal("https://pbs.twimg.com/amplify_video_thumb/2056099990000000000/img/Cr4neThumbAbCdEf.jpg", video.PosterUrl);
        Assert.Equal(48250, video.DurationMs);
        Assert.Equal((1920, 1080), (video.Width, video.Height));
        Assert.Equal("https://x.com/crane_diary/status/2056100000000000000/video/1", video.ExpandedUrl);
        Assert.Equal("https://t.co/Vi9DeOcL1p", video.ShortUrl);
        Assert.Empty(video.FallbackUrls);
    }

    [Fact]
    public void Parse_QuotedTweet_IsParsedWithItsOwnCounts()
    {
        var tweet = Parse(SyndicationFixtures.NewShapeVideoQuoting);

        Assert.Equal("2056000000000000000", tweet.QuotedTweetId);
        var quoted = tweet.QuotedTweet;
        Assert.NotNull(quoted);
        Assert.Equal("2056000000000000000", quoted.Id);
        Assert.Equal("Barge with the new crane arrives tonight", quoted.Text);
        Assert.Equal("pad_logistics", quoted.Author?.ScreenName);
        Assert.Equal("Business", quoted.Author?.VerifiedType);
        Assert.Equal(new TweetCounts { Likes = 75, Replies = 2, Retweets = 9 }, quoted.Counts);
        Assert.Empty(quoted.Media);
        Assert.Empty(quoted.Links);
    }

    [Fact]
    public void Parse_Reply_StartsAfterTheMentionAndNestsTheParent()
    {
        var tweet = Parse(SyndicationFixtures.ReplyWithParent);

        Assert.Equal("Does the night boat take bikes & trailers?", tweet.Text);
        Assert.Equal("1887990000000000000", tweet.ParentTweetId);
        Assert.Equal("island_ferries", tweet.InReplyToScreenName);
        Assert.Equal(new TweetCounts { Likes = 4, Replies = 1 }, tweet.Counts);
        var parent = tweet.Parent;
        Assert.NotNull(parent);
        Assert.Equal("1887990000000000000", parent.Id);
        Assert.Equal("Night boat returns on Monday, 23:40 departure.", parent.Text);
        Assert.Equal(new TweetCounts { Likes = 31, Replies = 7, Retweets = 2 }, parent.Counts);
        Assert.Equal(new DateTimeOffset(2025, 2, 7, 22, 21, 7, TimeSpan.Zero), parent.CreatedAt);
    }

    [Fact]
    public void Parse_EditedReply_ListsTheEditChain()
    {
        var edits = Parse(SyndicationFixtures.ReplyWithParent).Edits;

        Assert.NotNull(edits);
        Assert.Equal(["1887995000000000000", "1888000000000000000"], edits.EditTweetIds);
        Assert.True(edits.IsEdited);
    }

    [Fact]
    public void Parse_Gif_TakesItsSingleBitrateZeroVariant()
    {
        var gif = Assert.Single(Parse(SyndicationFixtures.Gif).Media);

        Assert.Equal(MediaKind.AnimatedGif, gif.Kind);
        Assert.Equal("https://video.twimg.com/tweet_video/GiFkEy00AbCdEfG.mp4", gif.Url);
        Assert.Equal("https://pbs.twimg.com/tweet_video_thumb/GiFkEy00AbCdEfG.jpg", gif.PosterUrl);
        Assert.Null(gif.DurationMs);
        Assert.Equal((480, 270), (gif.Width, gif.Height));
    }

    [Fact]
    public void Parse_MixedMedia_KeepsOrderAndTheReusedVideosOrigin()
    {
        var media = Parse(SyndicationFixtures.MixedWithReusedVideo).Media;

        Assert.Equal([MediaKind.Photo, MediaKind.Video], media.Select(m => m.Kind));
        Assert.Equal("https://pbs.twimg.com/media/HBq7Zx9Yw8Vu7Ts?format=png&name=orig", media[0].Url);
        Assert.Equal("https://x.com/coast_watch/status/2020000000000000000/photo/1", media[0].ExpandedUrl);
        Assert.Equal("https://video.twimg.com/ext_tw_video/2018999990000000000/pu/vid/avc1/720x1280/StOrM720x1280aa.mp4?tag=12", media[1].Url);
        Assert.Equal("https://x.com/storm_chaser_nl/status/2019000000000000000/video/1", media[1].ExpandedUrl);
        Assert.Equal(12000, media[1].DurationMs);
    }

    [Fact]
    public void Parse_MixedMedia_TextEndsBeforeTheMediaLink() =>
        Assert.Equal("Two views of the storm surge 🌊", Parse(SyndicationFixtures.MixedWithReusedVideo).Text);

    [Fact]
    public void Parse_NoteTweet_IsTruncated()
    {
        var tweet = Parse(SyndicationFixtures.NoteTweet);

        Assert.True(tweet.Truncated);
        Assert.EndsWith("and the old…", tweet.Text, StringComparison.Ordinal);
        Assert.Null(tweet.Edits);
    }

    [Fact]
    public void Parse_EscapedTextWithEmoji_SlicesCodePointsThenDecodesOnce()
    {
        var tweet = Parse(SyndicationFixtures.EscapingAndEmoji);

        Assert.Equal("Water <5°C &amp; falling 🌊🌊 near @buoy_42 — log: https://t.co/Ln4kSaMpLe", tweet.Text);
        Assert.Equal("https://example.org/buoys/42?view=log", Assert.Single(tweet.Links).ExpandedUrl);
        Assert.Equal("https://pbs.twimg.com/media/GPq2Rs3Tu4Vw5Xy?format=webp&name=orig", Assert.Single(tweet.Media).Url);
        Assert.Equal("1799990000000000000", tweet.ParentTweetId);
        Assert.Null(tweet.Parent);
    }

    [Fact]
    public void Parse_RetweetId_KeepsTheIdTheBodyGives()
    {
        var tweet = Parse(
            SyndicationFixtures.OldShapePhotoWithCard,
            url: "https://cdn.syndication.twimg.com/tweet-result?id=1999000000000000000&lang=en&token=4trdmz6l1yi");

        Assert.Equal("1790000000000000000", tweet.Id);
    }

    [Fact]
    public void Parse_WithoutUser_HasNoAuthor()
    {
        var tweet = Parse(SyndicationFixtures.WithoutUser);

        Assert.Null(tweet.Author);
        Assert.Equal("Left behind by an account that is gone", tweet.Text);
    }

    [Fact]
    public void Parse_SimplifiedMediaOnly_FallsBackToPhotosAndVideo()
    {
        var tweet = Parse("""
            {"__typename":"Tweet","id_str":"2056100000000000000","text":"only the simple lists",
             "photos":[{"url":"https://pbs.twimg.com/media/SiMpLePhOtO0001.jpg","width":800,"height":600}],
             "video":{"poster":"https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/P.jpg","durationMs":5000,
                      "variants":[{"type":"application/x-mpegURL","src":"https://video.twimg.com/ext_tw_video/1/pu/pl/p.m3u8"},
                                  {"type":"video/mp4","src":"https://video.twimg.com/ext_tw_video/1/pu/vid/avc1/640x360/v.mp4"}]}}
            """);

        Assert.Equal(
            ["https://pbs.twimg.com/media/SiMpLePhOtO0001?format=jpg&name=orig", "https://video.twimg.com/ext_tw_video/1/pu/vid/avc1/640x360/v.mp4"],
            tweet.Media.Select(m => m.Url));
        Assert.Equal(5000, tweet.Media[1].DurationMs);
    }

    [Theory]
    [InlineData(SyndicationFixtures.OldShapePhotoWithCard)]
    [InlineData(SyndicationFixtures.NewShapeVideoQuoting)]
    [InlineData(SyndicationFixtures.ReplyWithParent)]
    [InlineData(SyndicationFixtures.Gif)]
    [InlineData(SyndicationFixtures.MixedWithReusedVideo)]
    [InlineData(SyndicationFixtures.NoteTweet)]
    [InlineData(SyndicationFixtures.EscapingAndEmoji)]
    public void Fixtures_CreatedAt_AgreesWithTheSnowflake(string body)
    {
        var tweet = Parse(body);

        Assert.True(Snowflake.TryGetTimestamp(tweet.Id, out var fromId));
        Assert.InRange(fromId - tweet.CreatedAt!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}

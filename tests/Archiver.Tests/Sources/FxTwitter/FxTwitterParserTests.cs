using Archiver.Sources;
using static Archiver.Tests.Sources.Exchanges;
using static Archiver.Tests.Sources.OutcomeCase;

namespace Archiver.Tests.Sources;

public sealed class FxTwitterParserTests
{
    /// <summary>The v1 envelope for the tweet of <see cref="SyndicationFixtures.OldShapePhotoWithCard"/>, quoting a video tweet.</summary>
    private const string V1Photo = """
        {
          "code": 200,
          "message": "OK",
          "tweet": {
            "url": "https://x.com/island_ferries/status/1790000000000000000",
            "id": "1790000000000000000",
            "text": "Ferry timetable changes from Monday & the night boat is back. #IslandLink via @PortAuthorityNW https://example.net/ferries/timetable",
            "raw_text": { "text": "Ferry timetable changes from Monday &amp; the night boat is back. #IslandLink via @PortAuthorityNW https://t.co/Fr3yT1mEtb https://t.co/Ph0toK3yZz",
                          "display_text_range": [0, 122],
                          "facets": [ { "type": "hashtag", "indices": [66, 77], "original": "IslandLink" },
                                      { "type": "mention", "indices": [82, 98], "original": "PortAuthorityNW", "id": "910000000000000002" },
                                      { "type": "url", "indices": [99, 122], "original": "https://t.co/Fr3yT1mEtb",
                                        "replacement": "https://example.net/ferries/timetable", "display": "example.net/ferries/timeta…" },
                                      { "type": "media", "indices": [123, 146], "id": "1789999990000000000", "original": "https://t.co/Ph0toK3yZz",
                                        "display": "pic.x.com/Ph0toK3yZz", "replacement": "https://x.com/island_ferries/status/1790000000000000000/photo/1" } ] },
            "author": { "id": "910000000000000001", "name": "Island Ferries", "screen_name": "island_ferries",
                        "avatar_url": "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_200x200.jpg",
                        "banner_url": "https://pbs.twimg.com/profile_banners/910000000000000001/1650000000",
                        "description": "Crossings to the islands", "location": "Pier 2", "url": "https://x.com/island_ferries",
                        "followers": 8800, "following": 120, "likes": 300, "tweets": 4100, "media_count": 700,
                        "joined": "Tue Mar 07 08:00:00 +0000 2017", "protected": false, "website": null, "avatar_color": null,
                        "verification": { "verified": true, "type": "individual", "verified_at": null } },
            "replies": 12, "retweets": 31, "likes": 230, "quotes": 4, "bookmarks": 9, "views": 20410,
            "created_at": "Mon May 13 12:43:51 +0000 2024",
            "created_timestamp": 1715604231,
            "possibly_sensitive": false,
            "lang": "en",
            "replying_to": null,
            "replying_to_status": null,
            "source": "Twitter Web App",
            "twitter_card": "summary_large_image",
            "color": null,
            "is_note_tweet": false,
            "community_note": null,
            "media": {
              "all": [ { "type": "photo", "id": "1789999990000000000", "url": "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg?name=orig",
                         "width": 2048, "height": 1365, "altText": "The night ferry moored at the pier with its deck lights on" } ]
            },
            "quote": {
              "url": "https://x.com/crane_diary/status/2056100000000000000",
              "id": "2056100000000000000",
              "text": "Crane lift finished ahead of schedule 🏗️ replay >>",
              "author": { "id": "910000000000000003", "name": "Crane Diary", "screen_name": "crane_diary",
                          "avatar_url": "https://pbs.twimg.com/profile_images/1810000000000000000/CrAnEdIa_200x200.jpg",
                          "verification": { "verified": true, "type": "business" } },
              "replies": 3, "retweets": 5, "likes": 57,
              "created_at": "Sun May 17 19:50:15 +0000 2026",
              "replying_to": "pad_logistics",
              "replying_to_status": "2056000000000000000",
              "media": {
                "videos": [ { "type": "video", "id": "2056099990000000000", "url": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/640x360/MiDdLeBiTrAtE001.mp4?tag=14",
                              "thumbnail_url": "https://pbs.twimg.com/amplify_video_thumb/2056099990000000000/img/Cr4neThumbAbCdEf.jpg",
                              "duration": 48.25, "width": 1920, "height": 1080, "format": "video/mp4",
                              "variants": [ { "url": "https://video.twimg.com/amplify_video/2056099990000000000/pl/PlAyLiStHlS01234.m3u8?tag=14", "bitrate": 0, "content_type": "application/x-mpegURL" },
                                            { "url": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/640x360/MiDdLeBiTrAtE001.mp4?tag=14", "bitrate": 832000, "content_type": "video/mp4" },
                                            { "url": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/1280x720/HiGhBiTrAtE00001.mp4?tag=14", "bitrate": 2176000, "content_type": "video/mp4" } ] } ]
              }
            }
          }
        }
        """;

    /// <summary>A v2 <c>status</c> with a GIF in <c>formats</c> only and <c>replying_to</c> as an object.</summary>
    private const string V2Gif = """
        {"code":200,"status":{"type":"status","id":"2010000000000000000","url":"https://x.com/quay_jokes/status/2010000000000000000",
         "text":"Me when the ferry leaves on time",
         "author":{"id":"910000000000000006","name":"Quay Jokes","screen_name":"quay_jokes","avatar_url":null},
         "replies":0,"reposts":2,"likes":19,"created_timestamp":1768056318,
         "replying_to":{"screen_name":"island_ferries","post":"1790000000000000000"},
         "media":{"all":[{"type":"gif","id":"2009999990000000000","thumbnail_url":"https://pbs.twimg.com/tweet_video_thumb/GiFkEy00AbCdEfG.jpg",
                          "duration":0,"width":480,"height":270,
                          "formats":[{"container":"mp4","codec":"h264","bitrate":0,"url":"https://video.twimg.com/tweet_video/GiFkEy00AbCdEfG.mp4"}]}]}}}
        """;

    private static string V2Tombstone(string reason, string message) =>
        $$$"""{"code":404,"status":{"type":"tombstone","provider":"twitter","reason":"{{{reason}}}","message":"{{{message}}}","id":"1790000000000000000","url":"https://x.com/i/status/1790000000000000000"}}""";

    private static readonly IReadOnlyList<OutcomeCase> Cases =
    [
        Found("200 v1", Json(200, V1Photo, "fxtwitter")),
        Found("200 v2", Json(200, V2Gif, "fxtwitter")),
        Unavailable("401 private", Json(401, """{"code":401,"message":"PRIVATE_TWEET","tweet":null}""", "fxtwitter"), Unavailability.Protected, "PRIVATE_TWEET"),
        Unavailable("404 not found", Json(404, """{"code":404,"message":"NOT_FOUND","tweet":null}""", "fxtwitter"), Unavailability.NotFound, "NOT_FOUND"),
        Unavailable("v2 tombstone deleted", Json(404, V2Tombstone("deleted", "This post is deleted"), "fxtwitter"), Unavailability.Deleted, "This post is deleted"),
        Unavailable("v2 tombstone suspended", Json(404, V2Tombstone("suspended", "This post is from a suspended account"), "fxtwitter"),
            Unavailability.Suspended, "This post is from a suspended account"),
        Unavailable("v2 tombstone private", Json(200, V2Tombstone("private", "This post is private"), "fxtwitter"), Unavailability.Protected, "This post is private"),
        Unavailable("v2 tombstone blocked", Json(200, V2Tombstone("blocked", "You are blocked"), "fxtwitter"), Unavailability.Protected, "You are blocked"),
        Unavailable("v2 tombstone unavailable", Json(200, V2Tombstone("unavailable", "This post is unavailable"), "fxtwitter"), Unavailability.NotFound, "This post is unavailable"),
        Unavailable("v2 tombstone unknown reason", Json(200, V2Tombstone("geo", "This Post violated the X Rules."), "fxtwitter"), Unavailability.Withheld, "This Post violated the X Rules."),
        Failed("500 api fail", Json(500, """{"code":500,"message":"API_FAIL","tweet":null}""", "fxtwitter"), "HTTP 500: upstream error (API_FAIL)."),
        Failed("503 upstream unavailable", Json(503, """{"code":503,"message":"UPSTREAM_UNAVAILABLE","tweet":null}""", "fxtwitter"), "HTTP 503: upstream error (UPSTREAM_UNAVAILABLE)."),
        Failed("429", Make(429, "text/plain", "slow down", "fxtwitter"), "HTTP 429: throttled."),
        Failed("401 without user agent", Json(401, """{"error":"You must identify yourself with a User-Agent header"}""", "fxtwitter"),
            "HTTP 401: unexpected status (You must identify yourself with a User-Agent header)."),
        Failed("404 unknown route", Json(404, """{"code":404,"message":"Not found"}""", "fxtwitter"), "HTTP 404: unexpected status (Not found)."),
        Failed("404 html", Html(404, "<html>not here</html>", "fxtwitter"), "HTTP 404 with content type 'text/html; charset=utf-8' where JSON was expected."),
        Failed("200 html", Html(200, "<html>challenge</html>", "fxtwitter"), "HTTP 200 with content type 'text/html; charset=utf-8' where JSON was expected."),
        Failed("200 without tweet", Json(200, """{"code":200,"message":"OK","tweet":null}""", "fxtwitter"), "HTTP 200 without a tweet (OK)."),
        Failed("timeout", NoAnswer("fxtwitter"), UpstreamResponse.NoResponse),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_Case_GivesExpectedOutcome(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        @case.Check(FxTwitterParser.Parse(@case.Exchange), "fxtwitter");
    }

    [Fact]
    public void Cases_Names_AreUnique() => AssertUniqueNames(Cases);

    private static TweetData Parse(string body) =>
        Assert.IsType<TweetFound>(FxTwitterParser.Parse(Json(200, body, "fxtwitter"))).Tweet;

    [Fact]
    public void Parse_V1_ReadsTheTweet()
    {
        var tweet = Parse(V1Photo);

        Assert.Equal("1790000000000000000", tweet.Id);
        Assert.Equal("en", tweet.Lang);
        Assert.Equal(new DateTimeOffset(2024, 5, 13, 12, 43, 51, TimeSpan.Zero), tweet.CreatedAt);
        Assert.Equal(new TweetCounts { Replies = 12, Retweets = 31, Likes = 230, Quotes = 4, Bookmarks = 9, Views = 20410 }, tweet.Counts);
        Assert.Equal(
            new TweetAuthor
            {
                Id = "910000000000000001",
                Name = "Island Ferries",
                ScreenName = "island_ferries",
                BlueVerified = true,
                ProfileImageUrl = "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_200x200.jpg",
            },
            tweet.Author);
        Assert.Equal(
            [new TweetLink { Url = "https://t.co/Fr3yT1mEtb", ExpandedUrl = "https://example.net/ferries/timetable", DisplayUrl = "example.net/ferries/timeta…" }],
            tweet.Links);
        Assert.Null(tweet.ParentTweetId);
        Assert.False(tweet.Truncated);
    }

    [Fact]
    public void Parse_V1_TextAndPhotoMatchSyndication()
    {
        var fx = Parse(V1Photo);
        var syndication = Assert.IsType<TweetFound>(SyndicationParser.Parse(Json(200, SyndicationFixtures.OldShapePhotoWithCard))).Tweet;

        Assert.Equal(syndication.Text, fx.Text);
        var photo = Assert.Single(fx.Media);
        Assert.Equal(syndication.Media[0].Url, photo.Url);
        Assert.Equal(syndication.Media[0].FallbackUrls, photo.FallbackUrls);
        Assert.Equal("The night ferry moored at the pier with its deck lights on", photo.AltText);
        Assert.Equal("https://t.co/Ph0toK3yZz", photo.ShortUrl);
    }

    [Fact]
    public void Parse_V1Quote_IsNestedWithBestMp4AndItsReply()
    {
        var tweet = Parse(V1Photo);

        Assert.Equal("2056100000000000000", tweet.QuotedTweetId);
        var quote = tweet.QuotedTweet;
        Assert.NotNull(quote);
        Assert.Equal("Crane lift finished ahead of schedule 🏗️ replay >>", quote.Text);
        Assert.Equal("Business", quote.Author?.VerifiedType);
        Assert.False(quote.Author?.BlueVerified);
        Assert.Equal("2056000000000000000", quote.ParentTweetId);
        Assert.Equal("pad_logistics", quote.InReplyToScreenName);
        Assert.Equal(new DateTimeOffset(2026, 5, 17, 19, 50, 15, TimeSpan.Zero), quote.CreatedAt);
        var video = Assert.Single(quote.Media);
        Assert.Equal(MediaKind.Video, video.Kind);
        Assert.Equal("https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/1280x720/HiGhBiTrAtE00001.mp4?tag=14", video.Url);
        Assert.Equal(48250, video.DurationMs);
        Assert.Equal("https://pbs.twimg.com/amplify_video_thumb/2056099990000000000/img/Cr4neThumbAbCdEf.jpg", video.PosterUrl);
    }

    [Fact]
    public void Parse_V2Status_ReadsGifAndReplyObject()
    {
        var tweet = Parse(V2Gif);

        Assert.Equal("Me when the ferry leaves on time", tweet.Text);
        Assert.Equal(2, tweet.Counts.Retweets);
        Assert.Equal("1790000000000000000", tweet.ParentTweetId);
        Assert.Equal("island_ferries", tweet.InReplyToScreenName);
        var gif = Assert.Single(tweet.Media);
        Assert.Equal(MediaKind.AnimatedGif, gif.Kind);
        Assert.Equal("https://video.twimg.com/tweet_video/GiFkEy00AbCdEfG.mp4", gif.Url);
        Assert.Null(gif.DurationMs);
        Assert.Null(tweet.Author?.ProfileImageUrl);
    }
}

namespace Archiver.Tests.Sources;

/// <summary>
/// Syndication bodies in the shapes of reference section 1.5, with made-up people, ids and text. Indices are code
/// points on the escaped text, as the endpoint counts them.
/// </summary>
internal static class SyndicationFixtures
{
    /// <summary>Pre-2026 shape: every entity array present (some empty), twitter.com and pic.twitter.com links, a photo and a card.</summary>
    public const string OldShapePhotoWithCard = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "favorite_count": 230,
          "possibly_sensitive": false,
          "created_at": "2024-05-13T12:43:51.000Z",
          "display_text_range": [0, 146],
          "entities": {
            "hashtags": [{ "indices": [66, 77], "text": "IslandLink" }],
            "urls": [{ "display_url": "example.net/ferries/timeta…", "expanded_url": "https://example.net/ferries/timetable",
                       "indices": [99, 122], "url": "https://t.co/Fr3yT1mEtb" }],
            "user_mentions": [{ "id_str": "910000000000000002", "indices": [82, 98], "name": "Port Authority NW", "screen_name": "PortAuthorityNW" }],
            "symbols": [],
            "media": [{ "display_url": "pic.twitter.com/Ph0toK3yZz",
                        "expanded_url": "https://twitter.com/island_ferries/status/1790000000000000000/photo/1",
                        "indices": [123, 146], "url": "https://t.co/Ph0toK3yZz" }]
          },
          "id_str": "1790000000000000000",
          "text": "Ferry timetable changes from Monday &amp; the night boat is back. #IslandLink via @PortAuthorityNW https://t.co/Fr3yT1mEtb https://t.co/Ph0toK3yZz",
          "user": {
            "id_str": "910000000000000001", "name": "Island Ferries",
            "profile_image_url_https": "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_normal.jpg",
            "profile_image_shape": "Circle", "screen_name": "island_ferries",
            "verified": false, "is_blue_verified": true
          },
          "edit_control": { "edit_tweet_ids": ["1790000000000000000"], "editable_until_msecs": "1715607831000",
                            "is_edit_eligible": true, "edits_remaining": "5" },
          "mediaDetails": [{
            "display_url": "pic.twitter.com/Ph0toK3yZz",
            "expanded_url": "https://twitter.com/island_ferries/status/1790000000000000000/photo/1",
            "ext_alt_text": "The night ferry moored at the pier with its deck lights on",
            "ext_media_availability": { "status": "Available" },
            "ext_media_color": { "palette": [{ "percentage": 70.5, "rgb": { "blue": 60, "green": 40, "red": 20 } }] },
            "indices": [123, 146],
            "media_url_https": "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg",
            "original_info": { "height": 1365, "width": 2048, "focus_rects": [{ "x": 0, "y": 0, "w": 2048, "h": 1147 }] },
            "sizes": { "large": { "h": 1365, "resize": "fit", "w": 2048 }, "medium": { "h": 800, "resize": "fit", "w": 1200 },
                       "small": { "h": 453, "resize": "fit", "w": 680 }, "thumb": { "h": 150, "resize": "crop", "w": 150 } },
            "type": "photo",
            "url": "https://t.co/Ph0toK3yZz"
          }],
          "photos": [{ "backgroundColor": { "red": 20, "green": 40, "blue": 60 },
                       "cropCandidates": [{ "x": 0, "y": 0, "w": 2048, "h": 1147 }],
                       "expandedUrl": "https://twitter.com/island_ferries/status/1790000000000000000/photo/1",
                       "url": "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg", "width": 2048, "height": 1365 }],
          "card": {
            "card_platform": { "platform": { "audience": { "name": "production" }, "device": { "name": "Swift", "version": "12" } } },
            "name": "summary_large_image",
            "url": "https://t.co/Fr3yT1mEtb",
            "binding_values": {
              "title": { "string_value": "Summer timetable: night crossings", "type": "STRING" },
              "description": { "string_value": "Departures, fares and the return of the 23:40 boat.", "type": "STRING" },
              "domain": { "string_value": "example.net", "type": "STRING" },
              "vanity_url": { "scribe_key": "vanity_url", "string_value": "example.net", "type": "STRING" },
              "card_url": { "scribe_key": "card_url", "string_value": "https://t.co/Fr3yT1mEtb", "type": "STRING" },
              "thumbnail_image_small": { "image_value": { "height": 72, "width": 144,
                "url": "https://pbs.twimg.com/card_img/1789000000000000000/Xy12Zw34?format=jpg&name=144x144" }, "type": "IMAGE" },
              "thumbnail_image_original": { "image_value": { "alt": "Timetable poster", "height": 628, "width": 1200,
                "url": "https://pbs.twimg.com/card_img/1789000000000000000/Xy12Zw34?format=jpg&name=orig" }, "type": "IMAGE" },
              "thumbnail_image_large": { "image_value": { "height": 314, "width": 600,
                "url": "https://pbs.twimg.com/card_img/1789000000000000000/Xy12Zw34?format=jpg&name=600x314" }, "type": "IMAGE" },
              "site": { "scribe_key": "publisher_id", "type": "USER", "user_value": { "id_str": "910000000000000009", "path": [] } }
            }
          },
          "conversation_count": 12,
          "news_action_type": "conversation",
          "isEdited": false,
          "isStaleEdit": false
        }
        """;

    /// <summary>
    /// 2026 shape: only <c>media</c> in <c>entities</c>, x.com and pic.x.com, an emoji outside the BMP before the media
    /// link (80 code points, 81 UTF-16 units), a video with unsorted variants and an HLS entry, and a quoted tweet.
    /// </summary>
    public const string NewShapeVideoQuoting = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "favorite_count": 57,
          "created_at": "2026-05-17T19:50:15.000Z",
          "display_text_range": [0, 80],
          "entities": {
            "media": [{ "display_url": "pic.x.com/Vi9DeOcL1p",
                        "expanded_url": "https://x.com/crane_diary/status/2056100000000000000/video/1",
                        "indices": [57, 80], "url": "https://t.co/Vi9DeOcL1p" }]
          },
          "id_str": "2056100000000000000",
          "text": "Crane lift finished ahead of schedule 🏗️ replay &gt;&gt; https://t.co/Vi9DeOcL1p",
          "user": { "id_str": "910000000000000003", "name": "Crane Diary", "screen_name": "crane_diary",
                    "profile_image_url_https": "https://pbs.twimg.com/profile_images/1810000000000000000/CrAnEdIa_normal.jpg",
                    "profile_image_shape": "Circle", "verified": false, "is_blue_verified": false },
          "edit_control": { "edit_tweet_ids": ["2056100000000000000"], "editable_until_msecs": "1779051015000",
                            "is_edit_eligible": false, "edits_remaining": "5" },
          "mediaDetails": [{
            "additional_media_info": {},
            "display_url": "pic.x.com/Vi9DeOcL1p",
            "expanded_url": "https://x.com/crane_diary/status/2056100000000000000/video/1",
            "ext_media_availability": { "status": "Available" },
            "ext_media_stats": { "view_count": 4410 },
            "indices": [57, 80],
            "media_url_https": "https://pbs.twimg.com/amplify_video_thumb/2056099990000000000/img/Cr4neThumbAbCdEf.jpg",
            "original_info": { "height": 1080, "width": 1920 },
            "sizes": { "large": { "h": 1080, "resize": "fit", "w": 1920 }, "thumb": { "h": 150, "resize": "crop", "w": 150 } },
            "type": "video",
            "url": "https://t.co/Vi9DeOcL1p",
            "video_info": {
              "aspect_ratio": [16, 9],
              "duration_millis": 48250,
              "variants": [
                { "content_type": "application/x-mpegURL",
                  "url": "https://video.twimg.com/amplify_video/2056099990000000000/pl/PlAyLiStHlS01234.m3u8?tag=14" },
                { "bitrate": 832000, "content_type": "video/mp4",
                  "url": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/640x360/MiDdLeBiTrAtE001.mp4?tag=14" },
                { "bitrate": 2176000, "content_type": "video/mp4",
                  "url": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/1280x720/HiGhBiTrAtE00001.mp4?tag=14" },
                { "bitrate": 256000, "content_type": "video/mp4",
                  "url": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/480x270/LoWbItRaTe000001.mp4?tag=14" }
              ]
            }
          }],
          "photos": [],
          "video": {
            "aspectRatio": [16, 9], "contentType": "media_entity", "durationMs": 48250,
            "mediaAvailability": { "status": "available" },
            "poster": "https://pbs.twimg.com/amplify_video_thumb/2056099990000000000/img/Cr4neThumbAbCdEf.jpg",
            "variants": [
              { "type": "application/x-mpegURL", "src": "https://video.twimg.com/amplify_video/2056099990000000000/pl/PlAyLiStHlS01234.m3u8?tag=14" },
              { "type": "video/mp4", "src": "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/1280x720/HiGhBiTrAtE00001.mp4?tag=14" }
            ],
            "videoId": { "type": "tweet", "id": "2056100000000000000" },
            "viewCount": 4410
          },
          "quoted_tweet": {
            "lang": "en", "reply_count": 2, "retweet_count": 9, "favorite_count": 75,
            "created_at": "2026-05-17T13:12:53.000Z", "display_text_range": [0, 40], "entities": {},
            "id_str": "2056000000000000000", "text": "Barge with the new crane arrives tonight",
            "user": { "id_str": "910000000000000004", "name": "Pad Logistics", "screen_name": "pad_logistics",
                      "profile_image_url_https": "https://pbs.twimg.com/profile_images/1811000000000000000/PaDlOgIs_normal.jpg",
                      "profile_image_shape": "Square", "verified": false, "is_blue_verified": false, "verified_type": "Business" },
            "edit_control": { "edit_tweet_ids": ["2056000000000000000"], "editable_until_msecs": "1779026573000",
                              "is_edit_eligible": true, "edits_remaining": "5" },
            "isEdited": false, "isStaleEdit": false,
            "self_thread": { "id_str": "2056000000000000000" }
          },
          "conversation_count": 3,
          "news_action_type": "conversation",
          "isEdited": false,
          "isStaleEdit": false
        }
        """;

    /// <summary>A reply: the display range starts after the leading mention; the parent is nested in full.</summary>
    public const string ReplyWithParent = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "id_str": "1888000000000000000",
          "created_at": "2025-02-07T23:00:52.000Z",
          "text": "@island_ferries Does the night boat take bikes &amp; trailers?",
          "display_text_range": [16, 62],
          "entities": { "user_mentions": [{ "id_str": "910000000000000001", "indices": [0, 15],
                                            "name": "Island Ferries", "screen_name": "island_ferries" }] },
          "in_reply_to_screen_name": "island_ferries",
          "in_reply_to_status_id_str": "1887990000000000000",
          "in_reply_to_user_id_str": "910000000000000001",
          "user": { "id_str": "910000000000000005", "name": "Cycling Commuter", "screen_name": "bike2work_sam",
                    "profile_image_url_https": "https://pbs.twimg.com/profile_images/1700000000000000001/BiKeSaM0_bigger.png",
                    "verified": false, "is_blue_verified": false },
          "edit_control": { "edit_tweet_ids": ["1887995000000000000", "1888000000000000000"], "editable_until_msecs": "1738970852000",
                            "is_edit_eligible": true, "edits_remaining": "4" },
          "isEdited": true,
          "isStaleEdit": false,
          "favorite_count": "4",
          "conversation_count": "1",
          "parent": {
            "id_str": "1887990000000000000", "lang": "en", "created_at": "2025-02-07T22:21:07.000Z",
            "text": "Night boat returns on Monday, 23:40 departure.", "display_text_range": [0, 46], "entities": {},
            "reply_count": 7, "retweet_count": 2, "favorite_count": 31,
            "user": { "id_str": "910000000000000001", "name": "Island Ferries", "screen_name": "island_ferries",
                      "profile_image_url_https": "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_normal.jpg",
                      "verified": false, "is_blue_verified": true },
            "edit_control": { "edit_tweet_ids": ["1887990000000000000"], "editable_until_msecs": "1738968667000",
                              "is_edit_eligible": true, "edits_remaining": "5" },
            "isEdited": false, "isStaleEdit": false
          }
        }
        """;

    /// <summary>A GIF: one mp4 variant with bitrate 0, no duration, a <c>tweet_video_thumb</c> poster.</summary>
    public const string Gif = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "id_str": "2010000000000000000",
          "created_at": "2026-01-10T14:45:18.000Z",
          "text": "Me when the ferry leaves on time https://t.co/G1fL00pXyz",
          "display_text_range": [0, 32],
          "entities": { "media": [{ "display_url": "pic.x.com/G1fL00pXyz", "indices": [33, 56], "url": "https://t.co/G1fL00pXyz",
                                    "expanded_url": "https://x.com/quay_jokes/status/2010000000000000000/photo/1" }] },
          "user": { "id_str": "910000000000000006", "name": "Quay Jokes", "screen_name": "quay_jokes",
                    "profile_image_url_https": "https://pbs.twimg.com/profile_images/1750000000000000000/QuAyJoKe_mini.jpg" },
          "mediaDetails": [{
            "display_url": "pic.x.com/G1fL00pXyz",
            "expanded_url": "https://x.com/quay_jokes/status/2010000000000000000/photo/1",
            "indices": [33, 56],
            "media_url_https": "https://pbs.twimg.com/tweet_video_thumb/GiFkEy00AbCdEfG.jpg",
            "original_info": { "height": 270, "width": 480 },
            "type": "animated_gif",
            "url": "https://t.co/G1fL00pXyz",
            "video_info": { "aspect_ratio": [16, 9],
                            "variants": [{ "bitrate": 0, "content_type": "video/mp4", "url": "https://video.twimg.com/tweet_video/GiFkEy00AbCdEfG.mp4" }] }
          }],
          "favorite_count": 19,
          "conversation_count": 0
        }
        """;

    /// <summary>A photo and a video in one tweet; the video is re-used from another account's tweet.</summary>
    public const string MixedWithReusedVideo = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "id_str": "2020000000000000000",
          "created_at": "2026-02-07T05:01:44.000Z",
          "text": "Two views of the storm surge 🌊 https://t.co/M1xEdMeDia",
          "display_text_range": [0, 54],
          "entities": { "media": [
            { "display_url": "pic.x.com/M1xEdMeDia", "indices": [31, 54], "url": "https://t.co/M1xEdMeDia",
              "expanded_url": "https://x.com/coast_watch/status/2020000000000000000/photo/1" },
            { "display_url": "pic.x.com/M1xEdMeDia", "indices": [31, 54], "url": "https://t.co/M1xEdMeDia",
              "expanded_url": "https://x.com/storm_chaser_nl/status/2019000000000000000/video/1" } ] },
          "user": { "id_str": "910000000000000007", "name": "Coast Watch", "screen_name": "coast_watch",
                    "profile_image_url_https": "https://pbs.twimg.com/profile_images/1760000000000000000/CoAsTwAt_200x200.jpg",
                    "verified": false, "is_blue_verified": true, "verified_type": "Government" },
          "mediaDetails": [
            { "display_url": "pic.x.com/M1xEdMeDia", "indices": [31, 54], "url": "https://t.co/M1xEdMeDia",
              "expanded_url": "https://x.com/coast_watch/status/2020000000000000000/photo/1",
              "media_url_https": "https://pbs.twimg.com/media/HBq7Zx9Yw8Vu7Ts.png",
              "original_info": { "height": 900, "width": 1600 }, "type": "photo" },
            { "display_url": "pic.x.com/M1xEdMeDia", "indices": [31, 54], "url": "https://t.co/M1xEdMeDia",
              "expanded_url": "https://x.com/storm_chaser_nl/status/2019000000000000000/video/1",
              "media_url_https": "https://pbs.twimg.com/ext_tw_video_thumb/2018999990000000000/pu/img/StOrMpOsTeR0001.jpg",
              "original_info": { "height": 1280, "width": 720 }, "type": "video",
              "video_info": { "aspect_ratio": [9, 16], "duration_millis": "12000",
                              "variants": [
                                { "bitrate": 950000, "content_type": "video/mp4",
                                  "url": "https://video.twimg.com/ext_tw_video/2018999990000000000/pu/vid/avc1/720x1280/StOrM720x1280aa.mp4?tag=12" },
                                { "content_type": "application/x-mpegURL",
                                  "url": "https://video.twimg.com/ext_tw_video/2018999990000000000/pu/pl/StOrMpLaYlIsT01.m3u8?tag=12&container=fmp4" },
                                { "bitrate": 632000, "content_type": "video/mp4",
                                  "url": "https://video.twimg.com/ext_tw_video/2018999990000000000/pu/vid/avc1/480x852/StOrM480x852bbb.mp4?tag=12" } ] } } ],
          "favorite_count": 140,
          "conversation_count": 8
        }
        """;

    /// <summary>A long note tweet: <c>text</c> is cut short and <c>note_tweet</c> is present.</summary>
    public const string NoteTweet = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "id_str": "2030000000000000000",
          "created_at": "2026-03-06T19:18:10.000Z",
          "text": "A long explainer on why the harbour wall was raised by forty centimetres and what it means for the quay cafés, the fishing fleet and the people who live on the waterfront. Short version: the tide tables changed more than anyone expected in the last decade, and the old…",
          "display_text_range": [0, 269],
          "entities": {},
          "note_tweet": { "id": "Tm90ZVR3ZWV0UmVzdWx0czoyMDMw" },
          "user": { "id_str": "910000000000000008", "name": "Harbour Engineer", "screen_name": "wall_and_tide" },
          "favorite_count": 61,
          "conversation_count": 5
        }
        """;

    /// <summary>
    /// A reply whose escaped text has <c>&amp;lt;</c>, a double-escaped <c>&amp;amp;amp;</c>, two emoji outside the BMP and
    /// an em dash before its link and media link, so code points, UTF-16 units and decoded offsets all disagree.
    /// </summary>
    public const string EscapingAndEmoji = """
        {
          "__typename": "Tweet",
          "lang": "en",
          "id_str": "1800000000000000000",
          "created_at": "2024-06-10T03:00:17.000Z",
          "text": "@tide_watch Water &lt;5°C &amp;amp; falling 🌊🌊 near @buoy_42 — log: https://t.co/Ln4kSaMpLe https://t.co/Ph0t0IdxQq",
          "display_text_range": [12, 115],
          "entities": {
            "hashtags": [],
            "user_mentions": [{ "id_str": "910000000000000010", "indices": [0, 11], "name": "Tide Watch", "screen_name": "tide_watch" },
                              { "id_str": "910000000000000011", "indices": [52, 60], "name": "Buoy 42", "screen_name": "buoy_42" }],
            "urls": [{ "display_url": "example.org/buoys/42", "expanded_url": "https://example.org/buoys/42?view=log",
                       "indices": [68, 91], "url": "https://t.co/Ln4kSaMpLe" }],
            "media": [{ "display_url": "pic.twitter.com/Ph0t0IdxQq", "indices": [92, 115], "url": "https://t.co/Ph0t0IdxQq",
                        "expanded_url": "https://twitter.com/sea_temps/status/1800000000000000000/photo/1" }]
          },
          "in_reply_to_screen_name": "tide_watch",
          "in_reply_to_status_id_str": "1799990000000000000",
          "user": { "id_str": "910000000000000012", "name": "Sea Temps", "screen_name": "sea_temps" },
          "mediaDetails": [{ "indices": [92, 115], "url": "https://t.co/Ph0t0IdxQq", "type": "photo",
                             "media_url_https": "https://pbs.twimg.com/media/GPq2Rs3Tu4Vw5Xy.webp" }],
          "favorite_count": 2
        }
        """;

    /// <summary>A tweet-shaped body without <c>user</c> (seen for deleted accounts in 2023).</summary>
    public const string WithoutUser = """
        {"__typename":"Tweet","lang":"en","id_str":"1790000000000000001","created_at":"2024-05-13T12:43:51.000Z",
         "text":"Left behind by an account that is gone","display_text_range":[0,38],"favorite_count":0}
        """;

    /// <summary>A bare tombstone, or one carrying a sentence in <c>tombstone.text.text</c>.</summary>
    public static string Tombstone(string? sentence) =>
        sentence is null
            ? """{"__typename":"TweetTombstone"}"""
            : $$$$"""{"__typename":"TweetTombstone","tombstone":{"text":{"text":"{{{{sentence}}}}","entities":[],"rtl":false}}}""";
}

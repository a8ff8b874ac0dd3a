using System.Text;
using Archiver.Sources;

namespace Archiver.Tests.Sources;

public sealed class TweetContentTests
{
    private static readonly TweetData Tweet = new()
    {
        Id = "1790000000000000000",
        Text = "Night boat is back & bikes ride free 🚲",
        Lang = "en",
        CreatedAt = new DateTimeOffset(2024, 5, 13, 12, 43, 51, TimeSpan.Zero),
        Author = new TweetAuthor
        {
            Id = "910000000000000001",
            Name = "Island Ferries",
            ScreenName = "island_ferries",
            ProfileImageUrl = "https://pbs.twimg.com/profile_images/1/a_normal.jpg",
        },
        Counts = new TweetCounts { Likes = 230, Replies = 12 },
        Media =
        [
            new TweetMedia { Kind = MediaKind.Photo, Url = "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=orig", AltText = "Ferry" },
            new TweetMedia { Kind = MediaKind.Video, Url = "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/1280x720/Hi.mp4?tag=14" },
        ],
        Links = [new TweetLink { Url = "https://t.co/Fr3yT1mEtb", ExpandedUrl = "https://example.net/ferries/timetable" }],
        Card = new TweetCard { Name = "summary", Title = "Timetable", Description = "Night crossings", Url = "https://t.co/Fr3yT1mEtb", ImageUrl = "https://pbs.twimg.com/card_img/1/X?format=jpg&name=orig" },
        QuotedTweetId = "2056000000000000000",
        ParentTweetId = "1887990000000000000",
    };

    [Fact]
    public void Canonical_Tweet_IsPinned() =>
        Assert.Equal(
            """{"schema":"archiver.tweet-content/1","text":"Night boat is back \u0026 bikes ride free \uD83D\uDEB2","author":{"name":"Island Ferries","handle":"island_ferries"},"media":["Photo:GNa1bC2dE3fG4hI","Video:2056099990000000000"],"quoted":"2056000000000000000","parent":"1887990000000000000","card":{"title":"Timetable","description":"Night crossings","url":"https://t.co/Fr3yT1mEtb","image":"https://pbs.twimg.com/card_img/1/X?format=jpg\u0026name=orig"},"links":["https://example.net/ferries/timetable"]}""",
            Encoding.UTF8.GetString(TweetContent.Canonical(Tweet)));

    [Fact]
    public void Hash_SameContent_IsStableLowerHex()
    {
        var hash = TweetContent.Hash(Tweet);

        Assert.Equal(hash, TweetContent.Hash(Tweet with { }));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    public static TheoryData<string> Unchanging => new(UnchangingEdits.Keys);

    private static readonly Dictionary<string, Func<TweetData, TweetData>> UnchangingEdits = new()
    {
        ["counts"] = t => t with { Counts = new TweetCounts { Likes = 9999, Replies = 500, Retweets = 77, Views = 1_000_000 } },
        ["profile image"] = t => t with { Author = t.Author! with { ProfileImageUrl = "https://pbs.twimg.com/profile_images/2/b_normal.jpg" } },
        ["verification"] = t => t with { Author = t.Author! with { BlueVerified = true, VerifiedType = "Business" } },
        ["id"] = t => t with { Id = "1999000000000000000" },
        ["lang and dates"] = t => t with { Lang = "und", CreatedAt = null },
        ["edits"] = t => t with { Edits = new TweetEdits { IsEdited = true } },
        ["photo size"] = t => t with { Media = [t.Media[0] with { Url = "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg:small" }, t.Media[1]] },
        ["video variant"] = t => t with { Media = [t.Media[0], t.Media[1] with { Url = "https://video.twimg.com/amplify_video/2056099990000000000/vid/avc1/480x270/Lo.mp4?tag=14" }] },
        ["alt text and poster"] = t => t with { Media = [t.Media[0] with { AltText = null }, t.Media[1] with { PosterUrl = "https://pbs.twimg.com/p.jpg" }] },
        ["nested copies"] = t => t with { QuotedTweet = new TweetData { Id = "2056000000000000000", Text = "q" } },
    };

    public static TheoryData<string> Changing => new(ChangingEdits.Keys);

    private static readonly Dictionary<string, Func<TweetData, TweetData>> ChangingEdits = new()
    {
        ["text"] = t => t with { Text = t.Text + "!" },
        ["author handle"] = t => t with { Author = t.Author! with { ScreenName = "Island_Ferries" } },
        ["author name"] = t => t with { Author = t.Author! with { Name = "Island Ferries Ltd" } },
        ["no author"] = t => t with { Author = null },
        ["photo replaced"] = t => t with { Media = [t.Media[0] with { Url = "https://pbs.twimg.com/media/ZZZ1bC2dE3fG4hI?format=jpg&name=orig" }, t.Media[1]] },
        ["media removed"] = t => t with { Media = [t.Media[1]] },
        ["media reordered"] = t => t with { Media = [t.Media[1], t.Media[0]] },
        ["card title"] = t => t with { Card = t.Card! with { Title = "Timetable (updated)" } },
        ["card image"] = t => t with { Card = t.Card! with { ImageUrl = "https://pbs.twimg.com/card_img/2/Y?format=jpg&name=orig" } },
        ["no card"] = t => t with { Card = null },
        ["link target"] = t => t with { Links = [t.Links[0] with { ExpandedUrl = "https://example.net/elsewhere" }] },
        ["quoted id"] = t => t with { QuotedTweetId = null },
        ["parent id"] = t => t with { ParentTweetId = "1887990000000000001" },
    };

    [Theory]
    [MemberData(nameof(Unchanging))]
    public void Hash_VolatileOrPresentationalChange_IsUnchanged(string change) =>
        Assert.Equal(TweetContent.Hash(Tweet), TweetContent.Hash(UnchangingEdits[change](Tweet)));

    [Theory]
    [MemberData(nameof(Changing))]
    public void Hash_ContentChange_Changes(string change) =>
        Assert.NotEqual(TweetContent.Hash(Tweet), TweetContent.Hash(ChangingEdits[change](Tweet)));

    [Fact]
    public void Hash_FieldBoundaries_DoNotCollide()
    {
        var a = Tweet with { Author = Tweet.Author! with { Name = "ab", ScreenName = "c" } };
        var b = Tweet with { Author = Tweet.Author! with { Name = "a", ScreenName = "bc" } };

        Assert.NotEqual(TweetContent.Hash(a), TweetContent.Hash(b));
    }
}

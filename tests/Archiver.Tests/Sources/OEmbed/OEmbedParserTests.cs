using Archiver.Sources;
using static Archiver.Tests.Sources.Exchanges;
using static Archiver.Tests.Sources.OutcomeCase;

namespace Archiver.Tests.Sources;

public sealed class OEmbedParserTests
{
    /// <summary>September 2026 branding, <c>omit_script=1&amp;dnt=true</c>, with <c>&lt;</c> and <c>/</c> escaped as real responses do.</summary>
    private const string XBranding = """
        {"url":"https:\/\/x.com\/island_ferries\/status\/1790000000000000000","author_name":"Island Ferries","author_url":"https:\/\/x.com\/island_ferries","html":"\u003Cblockquote class=\"twitter-tweet\" data-width=\"550\" data-dnt=\"true\"\u003E\u003Cp lang=\"en\" dir=\"ltr\"\u003EFerry timetable changes from Monday &amp; the night boat is back. \u003Ca href=\"https:\/\/x.com\/hashtag\/IslandLink?src=hash&amp;ref_src=twsrc%5Etfw\"\u003E#IslandLink\u003C\/a\u003E via \u003Ca href=\"https:\/\/x.com\/PortAuthorityNW?ref_src=twsrc%5Etfw\"\u003E@PortAuthorityNW\u003C\/a\u003E \u003Ca href=\"https:\/\/t.co\/Fr3yT1mEtb\"\u003Ehttps:\/\/t.co\/Fr3yT1mEtb\u003C\/a\u003E \u003Ca href=\"https:\/\/t.co\/Ph0toK3yZz\"\u003Epic.twitter.com\/Ph0toK3yZz\u003C\/a\u003E\u003C\/p\u003E&mdash; Island Ferries (@island_ferries) \u003Ca href=\"https:\/\/x.com\/island_ferries\/status\/1790000000000000000?ref_src=twsrc%5Etfw\"\u003EMay 13, 2024\u003C\/a\u003E\u003C\/blockquote\u003E\n\n","width":550,"height":null,"type":"rich","cache_age":"3153600000","provider_name":"X","provider_url":"https:\/\/x.com","version":"1.0"}
        """;

    /// <summary>Twitter branding with the script element, a line break and escaped quotes.</summary>
    private const string TwitterBranding = """
        {"url":"https:\/\/twitter.com\/Wall_And_Tide\/status\/2030000000000000000","author_name":"Harbour Engineer","author_url":"https:\/\/twitter.com\/Wall_And_Tide","html":"<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">The wall is &quot;done&quot;.<br>Next: the quay&#39;s drains. <a href=\"https:\/\/twitter.com\/pad_logistics?ref_src=twsrc%5Etfw\">@pad_logistics<\/a><\/p>&mdash; Harbour Engineer (@Wall_And_Tide) <a href=\"https:\/\/twitter.com\/Wall_And_Tide\/status\/2030000000000000000?ref_src=twsrc%5Etfw\">March 6, 2026<\/a><\/blockquote>\n<script async src=\"https:\/\/platform.twitter.com\/widgets.js\" charset=\"utf-8\"><\/script>\n","width":550,"height":null,"type":"rich","cache_age":"3153600000","provider_name":"Twitter","provider_url":"https:\/\/twitter.com","version":"1.0"}
        """;

    /// <summary>No <c>url</c> or <c>author_*</c> fields: the permalink and the signature still name the tweet.</summary>
    private const string BlockquoteOnly = """
        {"html":"<blockquote class=\"twitter-tweet tw-align-center\" lang=\"en\"><p>Old embed text<\/p>&mdash; Quay Jokes (@quay_jokes) <a href=\"https:\/\/twitter.com\/quay_jokes\/statuses\/20000000000\">November 7, 2011<\/a><\/blockquote>","type":"rich"}
        """;

    private static readonly IReadOnlyList<OutcomeCase> Cases =
    [
        Found("200 x branding", Json(200, XBranding, "oembed")),
        Found("200 twitter branding with script", Json(200, TwitterBranding, "oembed")),
        Found("200 blockquote only", Json(200, BlockquoteOnly, "oembed")),
        Unavailable("404 html", Html(404, "<html><body>Sorry, that page does not exist</body></html>", "oembed"), Unavailability.NotFound),
        Unavailable("403 not authorized", Json(403, """{"error":"Sorry, you are not authorized to see this status.","request":"\/oembed?url=x"}""", "oembed"),
            Unavailability.Protected, "Sorry, you are not authorized to see this status."),
        Failed("403 html", Html(403, "<html>Forbidden</html>", "oembed"), "HTTP 403: unexpected status."),
        Failed("400", Json(400, """{"errors":[{"code":357,"message":"url: queryParam is required"}]}""", "oembed"),
            "HTTP 400: unexpected status (url: queryParam is required)."),
        Failed("429", Make(429, null, "", "oembed"), "HTTP 429: throttled."),
        Failed("503", Html(503, "<html>down</html>", "oembed"), "HTTP 503: upstream error."),
        Failed("timeout", NoAnswer("oembed"), UpstreamResponse.NoResponse),
        Failed("200 html", Html(200, "<html>login</html>", "oembed"), "where JSON was expected."),
        Failed("200 without html", Json(200, """{"url":"https://x.com/a/status/1790000000000000000"}""", "oembed"), "HTTP 200 without an html field."),
        Failed("200 without blockquote", Json(200, """{"url":"https://x.com/a/status/1790000000000000000","html":"<p>hi</p>"}""", "oembed"),
            "HTTP 200 whose html holds no blockquote."),
        Failed("200 without any id", Json(200, """{"html":"<blockquote><p>hi</p></blockquote>"}""", "oembed"), "HTTP 200 naming no status id"),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_Case_GivesExpectedOutcome(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        @case.Check(OEmbedParser.Parse(@case.Exchange), "oembed");
    }

    [Fact]
    public void Cases_Names_AreUnique() => AssertUniqueNames(Cases);

    [Fact]
    public void Parse_XBranding_ReadsTheBlockquote()
    {
        var found = Assert.IsType<TweetFound>(OEmbedParser.Parse(Json(200, XBranding, "oembed")));
        var tweet = found.Tweet;

        Assert.Equal("1790000000000000000", tweet.Id);
        Assert.Equal("Ferry timetable changes from Monday & the night boat is back. #IslandLink via @PortAuthorityNW https://t.co/Fr3yT1mEtb", tweet.Text);
        Assert.Equal("en", tweet.Lang);
        Assert.Equal(new TweetAuthor { Name = "Island Ferries", ScreenName = "island_ferries" }, tweet.Author);
        Assert.Equal([new TweetLink { Url = "https://t.co/Fr3yT1mEtb" }], tweet.Links);
        Assert.Null(tweet.CreatedAt);
        Assert.Empty(tweet.Media);
        Assert.Equal(new TweetCounts(), tweet.Counts);
        Assert.StartsWith("<blockquote class=\"twitter-tweet\" data-width=\"550\" data-dnt=\"true\"><p lang=\"en\" dir=\"ltr\">Ferry", found.EmbedHtml, StringComparison.Ordinal);
        Assert.EndsWith("May 13, 2024</a></blockquote>\n\n", found.EmbedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_XBranding_TextMatchesSyndication()
    {
        var oembed = Assert.IsType<TweetFound>(OEmbedParser.Parse(Json(200, XBranding, "oembed"))).Tweet;
        var syndication = Assert.IsType<TweetFound>(SyndicationParser.Parse(Json(200, SyndicationFixtures.OldShapePhotoWithCard))).Tweet;

        Assert.Equal(syndication.Text, oembed.Text);
    }

    [Fact]
    public void Parse_TwitterBranding_KeepsLineBreaksAndTheScriptInEmbedHtml()
    {
        var found = Assert.IsType<TweetFound>(OEmbedParser.Parse(Json(200, TwitterBranding, "oembed")));

        Assert.Equal("2030000000000000000", found.Tweet.Id);
        Assert.Equal("The wall is \"done\".\nNext: the quay's drains. @pad_logistics", found.Tweet.Text);
        Assert.Equal("Wall_And_Tide", found.Tweet.Author?.ScreenName);
        Assert.Equal("Harbour Engineer", found.Tweet.Author?.Name);
        Assert.Empty(found.Tweet.Links);
        Assert.EndsWith("<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n", found.EmbedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BlockquoteOnly_TakesIdFromPermalinkAndAuthorFromSignature()
    {
        var tweet = Assert.IsType<TweetFound>(OEmbedParser.Parse(Json(200, BlockquoteOnly, "oembed"))).Tweet;

        Assert.Equal("20000000000", tweet.Id);
        Assert.Equal("Old embed text", tweet.Text);
        Assert.Null(tweet.Lang);
        Assert.Equal(new TweetAuthor { Name = "Quay Jokes", ScreenName = "quay_jokes" }, tweet.Author);
    }
}

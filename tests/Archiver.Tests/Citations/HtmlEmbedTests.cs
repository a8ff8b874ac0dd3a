using Archiver.Citations;

namespace Archiver.Tests.Citations;

/// <summary>Embed blockquotes (reference 2.3) and the markup the embed script leaves after it ran.</summary>
public sealed class HtmlEmbedTests
{
    /// <summary>An oEmbed answer's html in the shape of the reference's (2.5), decoded from its JSON, with our own text.</summary>
    private const string OEmbedBlockquote =
        "<blockquote class=\"twitter-tweet\" data-width=\"550\" data-dnt=\"true\"><p lang=\"en\" dir=\"ltr\">Ferry queue reaches the "
        + "ring road by noon &amp; the ticket hall is closed. <a href=\"https://x.com/hashtag/StormWatch?src=hash&amp;ref_src=twsrc%5Etfw\">#StormWatch</a> "
        + "via <a href=\"https://x.com/CityWaterDept?ref_src=twsrc%5Etfw\">@CityWaterDept</a> <a href=\"https://t.co/Qx7LmN2pAa\">https://t.co/Qx7LmN2pAa</a> "
        + "<a href=\"https://t.co/Zr8VbT4kYc\">pic.twitter.com/Zr8VbT4kYc</a></p>&mdash; Harbour Desk (@harbour_desk) "
        + "<a href=\"https://x.com/harbour_desk/status/1777777777777777777?ref_src=twsrc%5Etfw\">April 9, 2024</a></blockquote>\n\n";

    private static readonly CitationExtractor Extractor = new();

    [Fact]
    public void Extract_OEmbedBlockquote_ReadsIdHandleAuthorDateAndText()
    {
        var html = "<p>Before.</p>\n" + OEmbedBlockquote + "<p>After.</p>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("1777777777777777777", citation.TweetId);
        Assert.Equal("harbour_desk", citation.ScreenName);
        Assert.Equal("https://x.com/harbour_desk/status/1777777777777777777", citation.Url);
        Assert.Equal("https://pic.twitter.com/Zr8VbT4kYc", citation.ShortLink);
        Assert.Equal(
            new EmbedInfo
            {
                AuthorName = "Harbour Desk",
                ScreenName = "harbour_desk",
                Date = "2024-04-09",
                Text = "Ferry queue reaches the ring road by noon & the ticket hall is closed. #StormWatch via @CityWaterDept "
                    + "https://t.co/Qx7LmN2pAa pic.twitter.com/Zr8VbT4kYc",
            },
            citation.Embed);
    }

    [Fact]
    public void Extract_OEmbedBlockquote_OccurrencesAreTheTagAndTheLinksInTheMarkup()
    {
        var html = "<p>Before.</p>\n" + OEmbedBlockquote;

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal(
            [
                "<blockquote class=\"twitter-tweet\" data-width=\"550\" data-dnt=\"true\">",
                "https://t.co/Qx7LmN2pAa",
                "https://t.co/Qx7LmN2pAa",
                "https://t.co/Zr8VbT4kYc",
                "pic.twitter.com/Zr8VbT4kYc",
                "https://x.com/harbour_desk/status/1777777777777777777?ref_src=twsrc%5Etfw",
            ],
            citation.Occurrences.Select(o => html.Substring(o.Offset, o.Length)));
    }

    [Fact]
    public void Extract_TwitterEraEmbedWithScriptAndLineBreaks_KeepsTheParagraphs()
    {
        const string html = "<blockquote class=\"twitter-tweet tw-align-center\" data-lang=\"en\"><p lang=\"en\" dir=\"ltr\">Line one<br><br>Line two<br>"
            + "Line three</p>&mdash; Jane Doe 🇰🇿 (@jane) <a href=\"https://twitter.com/jane/status/20?ref_src=twsrc%5Etfw\">January 7, 2022</a></blockquote>\n"
            + "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("20", citation.TweetId);
        Assert.Null(citation.ShortLink);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Jane Doe 🇰🇿", ScreenName = "jane", Date = "2022-01-07", Text = "Line one\n\nLine two\nLine three" },
            citation.Embed);
    }

    [Fact]
    public void Extract_GermanEmbed_ReadsTheLocalisedDate()
    {
        const string html = "<blockquote class=\"twitter-tweet\" data-lang=\"de\"><p lang=\"de\" dir=\"ltr\">Ein Zug steht still</p>&mdash; Bahn Beobachter "
            + "(@bahn_beob) <a href=\"https://twitter.com/bahn_beob/status/289000000000000000\">3. Januar 2013</a></blockquote>";

        var embed = Assert.Single(Extractor.Extract(html, ArticleFormat.Html)).Embed;

        Assert.Equal(new EmbedInfo { AuthorName = "Bahn Beobachter", ScreenName = "bahn_beob", Date = "2013-01-03", Text = "Ein Zug steht still" }, embed);
    }

    [Fact]
    public void Extract_OldEmbedWithStatusesAndDatetime_ReadsIt()
    {
        const string html = "<blockquote class=\"twitter-tweet\" lang=\"en\"><p>Old tweet</p>&mdash; Old Name (@old) "
            + "<a href=\"https://twitter.com/old/statuses/133640144317198338\" data-datetime=\"2011-11-07T20:21:07+00:00\">November 7, 2011</a></blockquote>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("133640144317198338", citation.TweetId);
        Assert.Equal(new EmbedInfo { AuthorName = "Old Name", ScreenName = "old", Date = "2011-11-07", Text = "Old tweet" }, citation.Embed);
    }

    [Fact]
    public void Extract_EmbedDateInUnreadLanguage_KeepsNameAndHandle()
    {
        const string html = "<blockquote class=\"twitter-tweet\" data-lang=\"ko\"><p lang=\"ko\" dir=\"ltr\">안녕하세요</p>&mdash; 김 (@kim) "
            + "<a href=\"https://twitter.com/kim/status/20\">2022년 1월 7일</a></blockquote>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal(new EmbedInfo { AuthorName = "김", ScreenName = "kim", Date = null, Text = "안녕하세요" }, citation.Embed);
    }

    [Fact]
    public void Extract_EmbedQuotingAnotherTweet_KeepsBothApart()
    {
        const string html = "<blockquote class=\"twitter-tweet\"><p>Look at this <a href=\"https://twitter.com/other/status/10\">twitter.com/other/status/10</a></p>"
            + "&mdash; Jane (@jane) <a href=\"https://twitter.com/jane/status/20\">January 7, 2022</a></blockquote>";

        var citations = Extractor.Extract(html, ArticleFormat.Html);

        Assert.Equal(["20", "10"], citations.Select(c => c.TweetId));
        Assert.Equal("jane", citations[0].Embed?.ScreenName);
        Assert.Null(citations[1].Embed);
    }

    [Fact]
    public void Extract_RenderedTwitterWidget_ReadsTheTweetId()
    {
        const string html = "<p>Before</p><twitter-widget class=\"twitter-tweet twitter-tweet-rendered\" id=\"twitter-widget-0\" "
            + "style=\"position: static;\" data-tweet-id=\"1479123456789012345\"></twitter-widget>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("1479123456789012345", citation.TweetId);
        Assert.Equal("https://x.com/i/status/1479123456789012345", citation.Url);
        var occurrence = Assert.Single(citation.Occurrences);
        Assert.StartsWith("<twitter-widget ", html.Substring(occurrence.Offset, occurrence.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EmbedIframe_ReadsTheIdFromItsSource()
    {
        const string html = "<div class=\"twitter-tweet twitter-tweet-rendered\"><iframe id=\"twitter-widget-0\" scrolling=\"no\" frameborder=\"0\" "
            + "title=\"X Post\" src=\"https://platform.twitter.com/embed/Tweet.html?dnt=false&amp;embedId=twitter-widget-0&amp;frame=false"
            + "&amp;hideCard=false&amp;hideThread=false&amp;id=1479123456789012345&amp;lang=en&amp;theme=light&amp;width=550px\"></iframe></div>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("1479123456789012345", citation.TweetId);
        Assert.StartsWith("<iframe ", html.Substring(citation.Occurrences[0].Offset, citation.Occurrences[0].Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_BlockquoteAndItsRenderedWidget_AreOneCitation()
    {
        const string html = "<blockquote class=\"twitter-tweet twitter-tweet-rendered\" style=\"display: none;\"><p>Hi</p>&mdash; Jane (@jane) "
            + "<a href=\"https://twitter.com/jane/status/20\">January 7, 2022</a></blockquote>"
            + "<iframe data-tweet-id=\"20\" src=\"https://platform.twitter.com/embed/Tweet.html?id=20\"></iframe>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("20", citation.TweetId);
        Assert.Equal("jane", citation.Embed?.ScreenName);
        Assert.Equal(3, citation.Occurrences.Count);
    }

    [Theory]
    [InlineData("<iframe src=\"https://platform.twitter.com/embed/Tweet.html?id=12345678901234567890\"></iframe>")]
    [InlineData("<iframe src=\"https://example.com/embed/Tweet.html?id=20\"></iframe>")]
    [InlineData("<div data-tweet-id=\"abc\"></div>")]
    [InlineData("<p>data-tweet-id=\"20\"</p>")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p>No signature, no link</p></blockquote>")]
    public void Extract_EmbedLookAlike_IsNotACitation(string html)
    {
        Assert.Empty(Extractor.Extract(html, ArticleFormat.Html));
    }

    [Fact]
    public void Extract_EmbedCodeInMarkdown_ReadsTheEmbed()
    {
        var markdown = "# Title\n\nSome text.\n\n" + OEmbedBlockquote + "More text.";

        var citation = Assert.Single(Extractor.Extract(markdown, ArticleFormat.Markdown));

        Assert.Equal("1777777777777777777", citation.TweetId);
        Assert.Equal("Harbour Desk", citation.Embed?.AuthorName);
        Assert.Equal("https://pic.twitter.com/Zr8VbT4kYc", citation.ShortLink);
    }

    [Fact]
    public void Extract_HrefWithEscapedQuery_FindsTheStatusInTheMarkup()
    {
        const string html = "<p>See <a href=\"https://x.com/jack/status/20?s=20&amp;t=AbC\">this post</a> and "
            + "<a href='https://twitter.com/i/web/status/21'>that one</a>.</p>";

        var citations = Extractor.Extract(html, ArticleFormat.Html);

        Assert.Equal(["20", "21"], citations.Select(c => c.TweetId));
        Assert.Equal("https://x.com/jack/status/20?s=20&amp;t=AbC", html.Substring(citations[0].Occurrences[0].Offset, citations[0].Occurrences[0].Length));
        Assert.Equal("https://twitter.com/i/web/status/21", html.Substring(citations[1].Occurrences[0].Offset, citations[1].Occurrences[0].Length));
    }
}

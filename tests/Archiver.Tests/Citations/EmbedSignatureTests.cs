using System.Net;
using Archiver.Citations;

namespace Archiver.Tests.Citations;

/// <summary>The signatures embeds leave in flattened text (reference 3.1) and what is not one.</summary>
public sealed class EmbedSignatureTests
{
    private static readonly CitationExtractor Extractor = new();

    [Fact]
    public void Extract_SignatureAfterPictureLink_IsOneCitationWithTheLink()
    {
        const string text = "Crews are pumping out the underpass on Mill Road. pic.twitter.com/Zr8VbT4kYc — Harbour Desk (@harbour_desk) April 9, 2024";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Null(citation.TweetId);
        Assert.Equal("harbour_desk", citation.ScreenName);
        Assert.Equal("https://pic.twitter.com/Zr8VbT4kYc", citation.ShortLink);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Harbour Desk", ScreenName = "harbour_desk", Date = "2024-04-09", Text = "Crews are pumping out the underpass on Mill Road." },
            citation.Embed);
        Assert.Equal(
            ["pic.twitter.com/Zr8VbT4kYc", "— Harbour Desk (@harbour_desk) April 9, 2024"],
            citation.Occurrences.Select(o => text.Substring(o.Offset, o.Length)));
    }

    [Fact]
    public void Extract_SignatureAfterBlankLinesWithFlagsInName_KeepsTheParagraphAbove()
    {
        const string text = "An article paragraph.\n\nRiot police cleared the square after midnight, witnesses said:\n\n\n\n"
            + "pic.twitter.com/Hq7Tz0aBcD — Jana Nováková 🇨🇿🇪🇺 (@jana_reports) January 7, 2022\n\nNext paragraph.";

        var embed = Assert.Single(Extractor.Extract(text, ArticleFormat.Text)).Embed;

        Assert.Equal(
            new EmbedInfo { AuthorName = "Jana Nováková 🇨🇿🇪🇺", ScreenName = "jana_reports", Date = "2022-01-07", Text = "Riot police cleared the square after midnight, witnesses said:" },
            embed);
    }

    [Fact]
    public void Extract_DashWithoutSpaceAfterTcoLink_IsOneCitationWithTheLink()
    {
        const string text = "Road closed both ways near the bridge. https://t.co/Qx7LmN2pAa— Traffic Watch (@trafficwatch_xx) November 18, 2020";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal("https://t.co/Qx7LmN2pAa", citation.ShortLink);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Traffic Watch", ScreenName = "trafficwatch_xx", Date = "2020-11-18", Text = "Road closed both ways near the bridge." },
            citation.Embed);
    }

    [Fact]
    public void Extract_UndecodedMdashAndGermanDate_IsASignature()
    {
        const string text = "Ein Zug steht still pic.twitter.com/Sx1Ty2Uz3V &mdash; Bahn Beobachter (@bahn_beob) 3. Januar 2013";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal("https://pic.twitter.com/Sx1Ty2Uz3V", citation.ShortLink);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Bahn Beobachter", ScreenName = "bahn_beob", Date = "2013-01-03", Text = "Ein Zug steht still" },
            citation.Embed);
    }

    [Fact]
    public void Extract_DashFoldedToTwoHyphens_IsASignature()
    {
        const string text = "Bridge reopened pic.twitter.com/AbCdE12345 -- Traffic Watch (@trafficwatch_xx) March 2, 2021";

        var embed = Assert.Single(Extractor.Extract(text, ArticleFormat.Text)).Embed;

        Assert.Equal(new EmbedInfo { AuthorName = "Traffic Watch", ScreenName = "trafficwatch_xx", Date = "2021-03-02", Text = "Bridge reopened" }, embed);
    }

    [Fact]
    public void Extract_DashStartingItsOwnLine_TakesTheParagraphAbove()
    {
        const string text = "Article text.\n\nThe ferry is cancelled today pic.twitter.com/AbCdE12345\n\n— Harbour Desk (@harbour_desk) April 9, 2024\n\nMore article.";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal("https://pic.twitter.com/AbCdE12345", citation.ShortLink);
        Assert.Equal("The ferry is cancelled today", citation.Embed?.Text);
    }

    [Fact]
    public void Extract_DashAloneOnTheLineAbove_IsASignature()
    {
        const string text = "The ferry is cancelled today\n—\nHarbour Desk (@harbour_desk) April 9, 2024";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal(
            new EmbedInfo { AuthorName = "Harbour Desk", ScreenName = "harbour_desk", Date = "2024-04-09", Text = "The ferry is cancelled today" },
            citation.Embed);
    }

    [Fact]
    public void Extract_NameWithParenthesesAndHandles_TakesTheLastHandleBeforeTheDate()
    {
        const string text = "Go! pic.twitter.com/AbCdE12345 — Jane (she/her) 🏳️‍🌈 (fan of @other) (@other) (@jane_doe) January 7, 2022";

        var embed = Assert.Single(Extractor.Extract(text, ArticleFormat.Text)).Embed;

        Assert.Equal("jane_doe", embed?.ScreenName);
        Assert.Equal("Jane (she/her) 🏳️‍🌈 (fan of @other) (@other)", embed?.AuthorName);
    }

    [Fact]
    public void Extract_TextOnlySignature_IsACitationWithoutIdOrLink()
    {
        const string text = "Article text.\n\nNo link in this one, just words.\n— Jane Doe (@jane) January 7, 2022\n\nMore article.";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Null(citation.TweetId);
        Assert.Null(citation.Url);
        Assert.Null(citation.ShortLink);
        Assert.Equal("jane", citation.ScreenName);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Jane Doe", ScreenName = "jane", Date = "2022-01-07", Text = "No link in this one, just words." },
            citation.Embed);
    }

    [Fact]
    public void Extract_SameTextOnlySignatureTwice_IsOneCitation()
    {
        const string text = "Words.\n— Jane Doe (@jane) January 7, 2022\n\nOther.\n\nWords.\n— Jane Doe (@jane) January 7, 2022";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal(2, citation.Occurrences.Count);
    }

    [Theory]
    [InlineData("— Marie Dupont (@marie) 7 janvier 2022", "2022-01-07")]
    [InlineData("— Marie Dupont (@marie) 1er mars 2022", "2022-03-01")]
    [InlineData("— Juan Pérez (@marie) 7 de enero de 2022", "2022-01-07")]
    [InlineData("— Anna Rossi (@marie) 21 marzo 2018", "2018-03-21")]
    [InlineData("— 山田太郎 (@marie) 2018年3月21日", "2018-03-21")]
    [InlineData("— Wien Heute (@marie) 7. Jänner 2022", "2022-01-07")]
    [InlineData("— Some One (@marie) Jan 7, 2022", "2022-01-07")]
    [InlineData("— Some One (@marie) 7 January 2022", "2022-01-07")]
    public void Extract_SignatureDateInAnotherLanguage_IsRead(string signature, string date)
    {
        var citation = Assert.Single(Extractor.Extract("Tweet text.\n" + signature, ArticleFormat.Text));

        Assert.Equal(date, citation.Embed?.Date);
    }

    [Theory]
    [InlineData("As one user — Jane (@jane) — said, the queue was long.")]
    [InlineData("— Jane (@jane) February 30, 2022")]
    [InlineData("— Jane (@jane) January 7, 22")]
    [InlineData("— Jane (@jane) Januar 2022")]
    [InlineData("— Jane (@jane) 2022")]
    [InlineData("— Jane (@jane)January 7, 2022x")]
    [InlineData("— Jane (@this_handle_is_too_long) January 7, 2022")]
    [InlineData("Thanks to Jane (@jane) January 7, 2022 was great")]
    public void Extract_DashAndHandleWithoutSignatureDate_IsNotACitation(string text)
    {
        Assert.Empty(Extractor.Extract(text, ArticleFormat.Text));
    }

    [Fact]
    public void Extract_MarkdownQuotedEmbedWithDateLink_IsOneCitationWithTheId()
    {
        const string text = "Article.\n\n> The ferry is cancelled today [pic.twitter.com/AbCdE12345](https://t.co/AbCdE12345)\n>\n"
            + "> — Harbour Desk (@harbour_desk) [April 9, 2024](https://twitter.com/harbour_desk/status/1777777777777777777?ref_src=twsrc%5Etfw)\n\nMore.";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Markdown));

        Assert.Equal("1777777777777777777", citation.TweetId);
        Assert.Equal("https://x.com/harbour_desk/status/1777777777777777777", citation.Url);
        Assert.Equal("https://pic.twitter.com/AbCdE12345", citation.ShortLink);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Harbour Desk", ScreenName = "harbour_desk", Date = "2024-04-09", Text = "The ferry is cancelled today" },
            citation.Embed);
    }

    [Fact]
    public void Extract_SignatureInHtmlParagraphs_IsReadFromTheFlattenedText()
    {
        const string html = "<p>Article text.</p><p>The ferry is cancelled today<br><br>Check back later "
            + "<a href=\"https://t.co/AbCdE12345\">pic.twitter.com/AbCdE12345</a></p><p>&mdash; Harbour Desk (@harbour_desk) April 9, 2024</p><p>More.</p>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Null(citation.TweetId);
        Assert.Equal("https://pic.twitter.com/AbCdE12345", citation.ShortLink);
        Assert.Equal(
            new EmbedInfo { AuthorName = "Harbour Desk", ScreenName = "harbour_desk", Date = "2024-04-09", Text = "The ferry is cancelled today\n\nCheck back later" },
            citation.Embed);
        Assert.Contains("&mdash; Harbour Desk (@harbour_desk) April 9, 2024", citation.Occurrences.Select(o => html.Substring(o.Offset, o.Length)));
    }

    [Fact]
    public void Extract_UnclassedBlockquoteWithDateLink_TakesTheIdFromTheLink()
    {
        const string html = "<blockquote><p>The ferry is cancelled today</p>&mdash; Harbour Desk (@harbour_desk) "
            + "<a href=\"https://twitter.com/harbour_desk/status/1777777777777777777?ref_src=twsrc%5Etfw\">April 9, 2024</a></blockquote>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("1777777777777777777", citation.TweetId);
        Assert.Equal("The ferry is cancelled today", citation.Embed?.Text);
        Assert.Equal(2, citation.Occurrences.Count);
    }

    [Fact]
    public void Extract_SignatureInHtmlWithEntities_MapsTheOccurrenceIntoTheMarkup()
    {
        const string html = "<div><p>Caf&eacute; &amp; bar closed</p>\r\n<p>&mdash; Jos&eacute; &#x1F1EA;&#x1F1F8; (@jose) 7 de enero de 2022</p></div>";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal(new EmbedInfo { AuthorName = "José 🇪🇸", ScreenName = "jose", Date = "2022-01-07", Text = "Café & bar closed" }, citation.Embed);
        var occurrence = Assert.Single(citation.Occurrences);
        Assert.Equal("&mdash; Jos&eacute; &#x1F1EA;&#x1F1F8; (@jose) 7 de enero de 2022", html.Substring(occurrence.Offset, occurrence.Length));
        Assert.Equal("— José 🇪🇸 (@jose) 7 de enero de 2022", WebUtility.HtmlDecode(html.Substring(occurrence.Offset, occurrence.Length)));
    }

    [Theory]
    [InlineData("The first report came from a reporter — Jane Doe (@janedoe) 7 January 2022 — and it spread.")]
    [InlineData("Words.\n\nAs a neighbour put it -- Jane Doe (@janedoe) January 7, 2022, the water rose fast.\n\nMore.")]
    [InlineData("<p>Her colleague &mdash; Jane Doe (@janedoe) 7 de enero de 2022 &mdash; confirmed it.</p>")]
    public void Extract_ProseWithDashHandleAndDateGoingOn_IsNotASignature_Issue13(string text)
    {
        Assert.Empty(Extractor.Extract(text, text.StartsWith('<') ? ArticleFormat.Html : ArticleFormat.Text));
    }

    [Fact]
    public void Extract_SignatureDateThenSpacesAndCrLf_IsASignature_Issue13()
    {
        const string text = "No link in this one.\r\n— Jane Doe (@jane) January 7, 2022  \r\n\r\nMore article.";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal(new EmbedInfo { AuthorName = "Jane Doe", ScreenName = "jane", Date = "2022-01-07", Text = "No link in this one." }, citation.Embed);
    }

    [Fact]
    public void Extract_SignatureAfterItsLinkWithTextOnTheSameLine_IsStillASignature_Issue13()
    {
        // Flattening that lost the line break after an embed: the short link right before the dash still marks it.
        const string text = "Crews are pumping out the underpass. pic.twitter.com/Zr8VbT4kYc — Harbour Desk (@harbour_desk) April 9, 2024 The council said";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal("https://pic.twitter.com/Zr8VbT4kYc", citation.ShortLink);
        Assert.Equal("harbour_desk", citation.Embed?.ScreenName);
    }
}

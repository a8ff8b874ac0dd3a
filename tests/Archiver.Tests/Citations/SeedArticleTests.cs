using Archiver.Citations;

namespace Archiver.Tests.Citations;

public sealed class SeedArticleTests
{
    private static readonly CitationExtractor Extractor = new();

    [Fact]
    public async Task Extract_SeedArticle_YieldsItsFiveEmbeds()
    {
        var article = await SeedArticle.ReadAsync(TestContext.Current.CancellationToken);

        var citations = Extractor.Extract(article, ArticleFormat.Text);

        Assert.Collection(
            citations,
            c => AssertEmbed(c, "rtVCutBtcO", "jardemalie", "Bota Jardemalie 🇰🇿🇧🇪🇪🇺", "2022-01-07"),
            c => AssertEmbed(c, "BVbPGKX3w0", "abdujalil", "Abdujalil A", "2022-01-04"),
            c => AssertEmbed(c, "zwVzLRbFOW", "AlexKokcharov", "Alex Kokcharov", "2022-01-07"),
            c => AssertEmbed(c, "0RDJ9Lg69T", "Jake_Hanrahan", "Jake Hanrahan", "2022-01-06"),
            c => AssertEmbed(c, "Ix5TEp187a", "ThomasVLinge", "Thomas van Linge", "2022-01-04"));
    }

    [Fact]
    public async Task Extract_SeedArticle_QuotesEachTweetsText()
    {
        var article = await SeedArticle.ReadAsync(TestContext.Current.CancellationToken);

        var texts = Extractor.Extract(article, ArticleFormat.Text).Select(c => c.Embed?.Text ?? "(no text)").ToArray();

        Assert.Equal(
            [
                "City of Ust-Kamenogorsk, the administrative center of Eastern #Kazakhstan: military sweeps.",
                "Protesters in #Kazakhstan chase an APC away. Riot police used tear gas and stun grenades to disperse protesters. "
                    + "The authorities have introduced a state of emergency and curfew in Mangystau region and in Almaty. "
                    + "Mass protests broke out over fuel price hike",
                "In #Aktau, west #Kazakhstan, the #protest rally appears to be ongoing as of Thursday night, despite the nationwide "
                    + "state of emergency and the night time curfew:",
                "Oil workers in #Kazakhstan going on strike in solidarity with the protests. Remember this uprising began as protests "
                    + "against increased fuel prices.\n\n(Via Atlas News)",
                "#Kazakhstan 🇰🇿: footage from #Mangystau earlier today as thousands of worked walked to #Aktau in the freezing cold, "
                    + "striking in protest against the government. #zhanaozen2022",
            ],
            texts);
    }

    [Fact]
    public async Task Extract_SeedArticle_OccurrencesCoverLinkAndSignature()
    {
        var article = await SeedArticle.ReadAsync(TestContext.Current.CancellationToken);

        var kokcharov = Extractor.Extract(article, ArticleFormat.Text)[2];

        Assert.Equal(
            ["pic.twitter.com/zwVzLRbFOW", "— Alex Kokcharov (@AlexKokcharov) January 7, 2022"],
            kokcharov.Occurrences.Select(o => article.Substring(o.Offset, o.Length)));
    }

    [Fact]
    public async Task Extract_SeedArticleAsMarkdown_YieldsTheSameCitations()
    {
        var article = await SeedArticle.ReadAsync(TestContext.Current.CancellationToken);

        var asText = Extractor.Extract(article, ArticleFormat.Text);
        var asMarkdown = Extractor.Extract(article, ArticleFormat.Markdown);

        Assert.Equal(asText, asMarkdown, CitationComparer.Instance);
    }

    private static void AssertEmbed(Citation citation, string code, string handle, string author, string date)
    {
        Assert.Null(citation.TweetId);
        Assert.Null(citation.Url);
        Assert.Equal($"https://pic.twitter.com/{code}", citation.ShortLink);
        Assert.Equal(handle, citation.ScreenName);
        Assert.NotNull(citation.Embed);
        Assert.Equal(handle, citation.Embed.ScreenName);
        Assert.Equal(author, citation.Embed.AuthorName);
        Assert.Equal(date, citation.Embed.Date);
    }
}

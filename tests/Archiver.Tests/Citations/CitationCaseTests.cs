using System.Net;
using Archiver.Citations;

namespace Archiver.Tests.Citations;

/// <summary>Runs <see cref="CitationCases"/> through every entry point: text, Markdown, and HTML-escaped in a paragraph.</summary>
public sealed class CitationCaseTests
{
    private static readonly CitationExtractor Extractor = new();
    private static readonly Dictionary<string, CitationCase> ByInput =
        CitationCases.All.Concat(CitationCases.Issue13).DistinctBy(c => c.Input).ToDictionary(c => c.Input);

    public static TheoryData<string, ArticleFormat> Inputs => InputsOf(CitationCases.All);

    public static TheoryData<string, ArticleFormat> Issue13Inputs => InputsOf(CitationCases.Issue13);

    /// <summary>The cases that are one URL-like token, to be put in an <c>href</c>.</summary>
    public static TheoryData<string> LinkTargets => LinkTargetsOf(CitationCases.All);

    public static TheoryData<string> Issue13LinkTargets => LinkTargetsOf(CitationCases.Issue13);

    private static TheoryData<string, ArticleFormat> InputsOf(IReadOnlyList<CitationCase> cases)
    {
        var data = new TheoryData<string, ArticleFormat>();
        foreach (var citationCase in cases)
        {
            data.Add(citationCase.Input, ArticleFormat.Text);
            data.Add(citationCase.Input, ArticleFormat.Markdown);
            if (citationCase.Wrappable)
            {
                data.Add(citationCase.Input, ArticleFormat.Html);
            }
        }

        return data;
    }

    private static TheoryData<string> LinkTargetsOf(IReadOnlyList<CitationCase> cases) =>
        [.. cases.Select(c => c.Input).Where(input => !input.Any(char.IsWhiteSpace))];

    [Fact]
    public void CaseTable_Inputs_AreUnique()
    {
        var duplicates = CitationCases.All.Concat(CitationCases.Issue13).GroupBy(c => c.Input).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Extract_TableCase_YieldsExpectedCitations(string input, ArticleFormat format) => AssertTableCase(input, format);

    [Theory]
    [MemberData(nameof(Issue13Inputs))]
    public void Extract_ExtractionEdgeCase_YieldsExpectedCitations_Issue13(string input, ArticleFormat format) => AssertTableCase(input, format);

    [Theory]
    [MemberData(nameof(LinkTargets))]
    public void Extract_TableCaseAsLinkTarget_YieldsExpectedCitations(string input) => AssertLinkTarget(input);

    [Theory]
    [MemberData(nameof(Issue13LinkTargets))]
    public void Extract_ExtractionEdgeCaseAsLinkTarget_YieldsExpectedCitations_Issue13(string input) => AssertLinkTarget(input);

    private static void AssertTableCase(string input, ArticleFormat format)
    {
        var citationCase = ByInput[input];
        var article = format == ArticleFormat.Html ? $"<p>{WebUtility.HtmlEncode(input)}</p>" : input;

        var citations = Extractor.Extract(article, format);

        Assert.Equal(citationCase.Expected, citations.Select(c => new ExpectedCitation(c.TweetId, c.ScreenName, c.ShortLink)));
        foreach (var citation in citations)
        {
            var key = citation.TweetId ?? citation.ShortLink![(citation.ShortLink!.LastIndexOf('/') + 1)..];
            Assert.All(citation.Occurrences, o => Assert.Contains(key, article.Substring(o.Offset, o.Length), StringComparison.Ordinal));
        }
    }

    private static void AssertLinkTarget(string input)
    {
        var citationCase = ByInput[input];
        var article = $"<a href=\"{WebUtility.HtmlEncode(input)}\">the source</a>";

        var citations = Extractor.Extract(article, ArticleFormat.Html);

        Assert.Equal(citationCase.Expected, citations.Select(c => new ExpectedCitation(c.TweetId, c.ScreenName, c.ShortLink)));
    }

    [Fact]
    public void Extract_StatusLinkWithoutHandle_UsesIInCanonicalUrl()
    {
        var citation = Assert.Single(Extractor.Extract("https://twitter.com/i/web/status/20", ArticleFormat.Text));

        Assert.Null(citation.ScreenName);
        Assert.Equal("https://x.com/i/status/20", citation.Url);
    }

    [Fact]
    public void Extract_StatusLink_ReportsCanonicalUrlAndSpan()
    {
        const string text = "See (https://mobile.twitter.com/jack/status/20?s=20).";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Text));

        Assert.Equal("https://x.com/jack/status/20", citation.Url);
        var occurrence = Assert.Single(citation.Occurrences);
        Assert.Equal("https://mobile.twitter.com/jack/status/20?s=20", text.Substring(occurrence.Offset, occurrence.Length));
    }

    [Fact]
    public void Extract_MarkdownInlineLink_SpansTheUrlOnly()
    {
        const string text = "[tweet](https://x.com/jack/status/20) and <https://x.com/jack/status/20>";

        var citation = Assert.Single(Extractor.Extract(text, ArticleFormat.Markdown));

        Assert.Equal(
            ["https://x.com/jack/status/20", "https://x.com/jack/status/20"],
            citation.Occurrences.Select(o => text.Substring(o.Offset, o.Length)));
    }

    [Fact]
    public void Extract_SeveralTweets_AreInOrderOfFirstOccurrence()
    {
        const string text = "t.co/zzz x.com/a/status/3 x.com/b/status/1 t.co/zzz x.com/a/status/3";

        var citations = Extractor.Extract(text, ArticleFormat.Text);

        Assert.Equal(["https://t.co/zzz", "3", "1"], citations.Select(c => c.TweetId ?? c.ShortLink));
        Assert.Equal([2, 2, 1], citations.Select(c => c.Occurrences.Count));
    }
}

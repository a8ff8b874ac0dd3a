using System.Text;
using Archiver.Citations;

namespace Archiver.Tests.Citations;

/// <summary>
/// Megabytes of trigger fragments. These check that the answers are right; that they come quickly is the
/// engine's design (linear scanning, bounded look-back, no backtracking) and the benchmark's concern, not a timing
/// assert here.
/// </summary>
public sealed class AdversarialInputTests
{
    private const int Size = 4 * 1024 * 1024;

    private static readonly CitationExtractor Extractor = new();

    public static TheoryData<string, ArticleFormat, int> Inputs
    {
        get
        {
            (string Unit, int Citations)[] units =
            [
                ("twitter.com/", 0),
                ("— (@", 0),
                ("(", 0),
                ("((((((x.com/", 0),
                ("x.com/a/status/", 0),
                ("https://x.com/a/status/12345678901234567890", 0),
                ("t.co/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0),
                ("pic.twitter.com/", 0), // "pic" runs on into a host name: no code (issue 13)
                ("&mdash; (@a) ", 0),
                ("(@a)-- 1", 0),
                ("(@a) January 7, 2022 ", 0),
                ("\n\n\n\n— (@", 0),
                ("<div>(@a) — 7 ", 0),
                ("<b id=x>— A (@a) 1", 0),
                ("<blockquote class=twitter-tweet>", 0),
                ("<x data-tweet-id=\"", 0),
                ("platform.twitter.com/embed/?id=", 0),
                ("<!--(@a) — 1", 0),
                ("someone@x.com/a/status/1 ", 0),
                ("— (@a) January 7, 2022\n", 1),
                ("https://x.com/jack/status/20 ", 1),
            ];
            var data = new TheoryData<string, ArticleFormat, int>();
            foreach (var (unit, citations) in units)
            {
                foreach (var format in new[] { ArticleFormat.Text, ArticleFormat.Markdown, ArticleFormat.Html })
                {
                    data.Add(unit, format, citations);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Extract_MegabytesOfOneFragment_AnswersCorrectly(string unit, ArticleFormat format, int expected)
    {
        var text = Repeat(unit, Size);

        var citations = Extractor.Extract(text, format);

        Assert.Equal(expected, citations.Count);
    }

    [Fact]
    public void Extract_DeeplyNestedHtmlAroundASignature_AnswersWithoutTheSignature()
    {
        var html = Repeat("<div>", Size / 2) + "Tweet text pic.twitter.com/AbCdE12345 — Jane (@jane) January 7, 2022";

        var citation = Assert.Single(Extractor.Extract(html, ArticleFormat.Html));

        Assert.Equal("https://pic.twitter.com/AbCdE12345", citation.ShortLink);
        Assert.Null(citation.Embed);
    }

    [Fact]
    public void Extract_LongWordBeforeAHost_IsNotALink()
    {
        var text = new string('a', Size) + "x.com/jack/status/20";

        Assert.Empty(Extractor.Extract(text, ArticleFormat.Text));
    }

    [Fact]
    public void Extract_InputOverTheLimit_ThrowsWithTheLimitInTheMessage()
    {
        var extractor = new CitationExtractor(new CitationOptions { MaxInputLength = 10 });

        var error = Assert.Throws<ArgumentException>(() => extractor.Extract("01234567890", ArticleFormat.Text));

        Assert.Equal("The article has 11 characters; the citation finder reads at most 10. (Parameter 'input')", error.Message);
    }

    private static string Repeat(string unit, int size)
    {
        var builder = new StringBuilder(size + unit.Length);
        while (builder.Length < size)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}

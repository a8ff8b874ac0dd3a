using System.Net;
using Archiver.Citations;
using CsCheck;

namespace Archiver.Tests.Citations;

/// <summary>Properties over generated text: the engine never throws, and it finds what is planted.</summary>
public sealed class CitationPropertyTests
{
    private static readonly CitationExtractor Extractor = new();

    private static readonly ArticleFormat[] Formats = [ArticleFormat.Text, ArticleFormat.Markdown, ArticleFormat.Html];

    /// <summary>Pieces of every form the engine looks for, to be glued together at random.</summary>
    private static readonly string[] Fragments =
    [
        "twitter.com", "x.com", "t.co", "pic.twitter.com", "pic.x.com", "nitter.", "xcancel.com", "fxtwitter.com", "fixupx.com",
        "https://", "http://", "//", "/", "/status/", "/statuses/", "/i/web/status/", "/i/", "#!/", "/photo/1", "?s=20&t=x", "#m",
        "jack", "Jane Doe", "🇰🇿", "1479123456789012345", "12345678901234567890", "0", "20", "abc", "AbCdE12345",
        "(@", "(@jane)", ")", "(", "— ", "—", "&mdash;", "--", "-", "January 7, 2022", "3. Januar 2013", "7 de enero de 2022",
        "2018年3月21日", " ", "\n", "\n\n", "\n\n\n\n", "\r\n", ">", "<", "[", "](", "<blockquote class=\"twitter-tweet\">",
        "</blockquote>", "<p>", "</p>", "<br>", "<a href=\"", "\">", "</a>", "data-tweet-id=\"", "<iframe src=\"",
        "platform.twitter.com/embed/Tweet.html?id=", "&amp;", "&#x2014;", "@", "$", "#", "_", ".", ",", "\"", "'", "<!--", "-->",
    ];

    [Fact]
    public void Extract_RandomText_NeverThrowsAndKeepsOccurrencesInBounds()
    {
        Gen.String.Sample(text => AssertWellFormed(text), iter: 2000, threads: 1);
    }

    [Fact]
    public void Extract_RandomTriggerFragments_NeverThrowsAndKeepsOccurrencesInBounds()
    {
        Gen.OneOf(Fragments).Array[0, 80].Select(string.Concat).Sample(text => AssertWellFormed(text), iter: 3000, threads: 1);
    }

    [Fact]
    public void Extract_StatusLinkPlantedInRandomText_IsFoundWithItsId()
    {
        var prose = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCXYZ.,;:!?()'\"\n0123456789—-@#/"], 0, 200];
        var handle = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"], 1, 15];
        var url = Gen.Select(handle, Gen.Long[1, long.MaxValue], Gen.Int[0, 7], static (h, id, form) => (Id: id.ToString(), Url: form switch
        {
            0 => $"https://twitter.com/{h}/status/{id}",
            1 => $"https://x.com/{h}/status/{id}?s=20",
            2 => $"x.com/{h}/status/{id}",
            3 => $"https://mobile.twitter.com/{h}/statuses/{id}/photo/1",
            4 => $"https://twitter.com/i/web/status/{id}",
            5 => $"http://twitter.com/#!/{h}/status/{id}",
            6 => $"https://fxtwitter.com/{h}/status/{id}/",
            _ => $"https://nitter.net/{h}/status/{id}#m",
        }));

        Gen.Select(prose, url, prose, Gen.OneOf(Formats)).Sample(
            (before, planted, after, format) =>
            {
                var text = $"{before} {planted.Url} {after}";
                var article = format == ArticleFormat.Html ? $"<p>{WebUtility.HtmlEncode(text)}</p>" : text;

                var citation = Assert.Single(Extractor.Extract(article, format), c => c.TweetId == planted.Id);

                Assert.Contains(citation.Occurrences, o => article.Substring(o.Offset, o.Length).Contains(planted.Id, StringComparison.Ordinal));
            },
            iter: 2000,
            threads: 1);
    }

    private static void AssertWellFormed(string text)
    {
        foreach (var format in Formats)
        {
            var citations = Extractor.Extract(text, format);

            var firsts = citations.Select(c => c.Occurrences[0].Offset).ToList();
            Assert.Equal(firsts.Order(), firsts);
            Assert.All(citations, c =>
            {
                Assert.True(c.TweetId is not null || c.ShortLink is not null || c.Embed is not null);
                Assert.True(c.TweetId is null || c.TweetId.Length is >= 1 and <= 19 && c.TweetId.All(char.IsAsciiDigit));
                Assert.All(c.Occurrences, o => Assert.True(o.Offset >= 0 && o.Length > 0 && o.Offset + o.Length <= text.Length));
            });
            Assert.Equal(citations.Count, citations.Where(c => c.TweetId is not null).Select(c => c.TweetId).Distinct().Count()
                + citations.Count(c => c.TweetId is null));
        }
    }
}

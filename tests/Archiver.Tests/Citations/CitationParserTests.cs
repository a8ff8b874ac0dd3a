using Archiver.Citations;

namespace Archiver.Tests.Citations;

/// <summary>
/// The single-candidate doors of each citation form: <c>Parse</c> and <c>TryParse</c> share one core, so they agree
/// on every case, and <c>Parse</c> says why a candidate was rejected, quoting it.
/// </summary>
public sealed class CitationParserTests
{
    public static TheoryData<string> StatusUrls =>
    [
        "https://twitter.com/jack/status/20", "x.com/i/web/status/20", "https://nitter.net/jack/status/20#m", " https://x.com/jack/status/20 ",
        "https://twitter.com/jack", "https://x.com/jack/status/123abc", "https://t.co/abc", "https://example.com/a/status/1", "", "https://x.com/jack/status/20 tail",
    ];

    public static TheoryData<string> ShortLinks =>
    [
        "https://t.co/abc", "pic.twitter.com/AbCdE12345", "pic.x.com/abc", "https://x.com/jack/status/20", "t.co/", "t.co/abc_d",
    ];

    public static TheoryData<string> Signatures =>
    [
        "— Jane (@jane) January 7, 2022", "text &mdash; Jane (@jane) 3. Januar 2013", "— Jane (@jane) — said", "Jane (@jane) January 7, 2022",
        "— Jane (@jane) January 7, 2022 and more", "no handle here",
    ];

    [Theory]
    [MemberData(nameof(StatusUrls))]
    public void StatusUrlParser_ParseAndTryParse_Agree(string url)
    {
        var parsed = StatusUrlParser.TryParse(url, out var link);

        if (parsed)
        {
            Assert.Equal(link, StatusUrlParser.Parse(url));
        }
        else
        {
            Assert.Throws<FormatException>(() => StatusUrlParser.Parse(url));
        }
    }

    [Theory]
    [MemberData(nameof(ShortLinks))]
    public void ShortLinkParser_ParseAndTryParse_Agree(string url)
    {
        var parsed = ShortLinkParser.TryParse(url, out var link);

        if (parsed)
        {
            Assert.Equal(link, ShortLinkParser.Parse(url));
        }
        else
        {
            Assert.Throws<FormatException>(() => ShortLinkParser.Parse(url));
        }
    }

    [Theory]
    [MemberData(nameof(Signatures))]
    public void EmbedSignatureParser_ParseAndTryParse_Agree(string text)
    {
        var parsed = EmbedSignatureParser.TryParse(text, out var match);

        if (parsed)
        {
            Assert.Equal(match, EmbedSignatureParser.Parse(text));
        }
        else
        {
            Assert.Throws<FormatException>(() => EmbedSignatureParser.Parse(text));
        }
    }

    [Theory]
    [InlineData("https://twitter.com/jack", "'https://twitter.com/jack' is a profile, hashtag, search, list, moment, Space or other page, not a status.")]
    [InlineData("https://x.com/i/lists/123", "'https://x.com/i/lists/123' is a profile, hashtag, search, list, moment, Space or other page, not a status.")]
    [InlineData("https://x.com/jack/status/12345678901234567890", "The id '12345678901234567890' has 20 digits; a status id has at most 19.")]
    [InlineData("https://x.com/jack/status/123abc", "The id '123' runs into 'a'; an id ends at a word boundary.")]
    [InlineData("https://x.com/jack/status/9223372036854775808", "The id '9223372036854775808' is outside the range of status ids (1 to 9223372036854775807).")]
    [InlineData("https://x.com.evil.example/jack/status/20", "'x.com.evil.example' is not an X/Twitter host.")]
    [InlineData("https://x.com/jackjackjackjackj/status/20", "'jackjackjackjackj' is longer than a screen name (15 characters).")]
    [InlineData("ftp://twitter.com/jack/status/20", "'ftp://twitter.com/jack/status/20' has a scheme other than http or https.")]
    [InlineData("https://t.co/abc", "'https://t.co/abc' is a short link, not a status URL.")]
    [InlineData("https://x.com/jack/status/20 and more", "'https://x.com/jack/status/20 and more' has text after the URL.")]
    public void StatusUrlParser_NotAStatus_SaysWhy(string url, string message)
    {
        var error = Assert.Throws<FormatException>(() => StatusUrlParser.Parse(url));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("t.co/", "'t.co/' has no short-link code.")]
    [InlineData("t.co/abc_d", "The code 'abc' runs into '_'; a code ends at a word boundary.")]
    [InlineData("https://pic.twitter.com/pic.twitter.com/AbCdE12345", "The code 'pic' runs into '.'; a code ends at a word boundary.")]
    [InlineData("https://t.co/abcdé", "The code 'abcd' runs into 'é'; a code ends at a word boundary.")]
    [InlineData("https://x.com/jack/status/20", "'https://x.com/jack/status/20' is not a short link (t.co, pic.twitter.com or pic.x.com).")]
    public void ShortLinkParser_NotAShortLink_SaysWhy(string url, string message)
    {
        var error = Assert.Throws<FormatException>(() => ShortLinkParser.Parse(url));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("as one user — Jane (@jane) — said", "'as one user — Jane (@jane) — said' has no date right after the handle, so it is not an embed's signature.")]
    [InlineData("Jane (@jane) January 7, 2022", "'Jane (@jane) January 7, 2022' has no dash before the display name, so it is not an embed's signature.")]
    [InlineData("— Jane (@jane) January 7, 2022 and more", "'— Jane (@jane) January 7, 2022 and more' has text after the signature's date.")]
    [InlineData("no handle here", "'no handle here' holds no '(@handle)' followed by a date.")]
    public void EmbedSignatureParser_NotASignature_SaysWhy(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => EmbedSignatureParser.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void StatusUrlParser_CanonicalForms_ReadIdAndHandle()
    {
        Assert.Equal(new StatusLink("20", "jack", 0, 45), StatusUrlParser.Parse("http://twitter.com/#!/jack/status/20?s=1#frag"));
        Assert.Equal(new StatusLink("20", null, 0, 29), StatusUrlParser.Parse("https://x.com/i/web/status/20"));
    }
}

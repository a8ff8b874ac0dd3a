namespace Archiver.Tests.Citations;

/// <summary>
/// The case table (reference sections 3 and 4, issue 2): every form that cites a tweet and every look-alike that
/// does not. One line per case; <see cref="CitationCaseTests"/> runs each through every entry point.
/// </summary>
public static class CitationCases
{
    public static IReadOnlyList<CitationCase> All { get; } =
    [
        // Status links on twitter.com and x.com, every host and path form.
        Cites("https://twitter.com/jack/status/20", "20", "jack"),
        Cites("https://x.com/jack/status/20", "20", "jack"),
        Cites("twitter.com/jack/status/20", "20", "jack"),
        Cites("x.com/jack/status/20", "20", "jack"),
        Cites("http://www.twitter.com/jack/status/20", "20", "jack"),
        Cites("www.x.com/jack/status/20", "20", "jack"),
        Cites("https://mobile.twitter.com/jack/status/20", "20", "jack"),
        Cites("https://m.twitter.com/jack/status/20", "20", "jack"),
        Cites("//twitter.com/jack/status/20", "20", "jack"),
        Cites("https://twitter.com/jack/statuses/20", "20", "jack"),
        Cites("https://twitter.com/i/web/status/1479123456789012345", "1479123456789012345", null),
        Cites("https://x.com/i/status/1479123456789012345", "1479123456789012345", null),
        Cites("http://twitter.com/#!/jack/status/20", "20", "jack"),
        Cites("https://twitter.com/jack/status/20/photo/1", "20", "jack"),
        Cites("https://x.com/jack/status/20/video/1", "20", "jack"),
        Cites("https://x.com/jack/status/20/", "20", "jack"),
        Cites("https://x.com/jack/status/20?s=20&t=AbCdEfGhIjKlMnOpQrStUv", "20", "jack"),
        Cites("https://twitter.com/jack/status/20?ref_src=twsrc%5Etfw", "20", "jack"),
        Cites("https://twitter.com/jack/status/20#reply", "20", "jack"),
        Cites("HTTPS://X.COM/jack/status/20", "20", "jack"),
        Cites("https://Twitter.com/jack/status/20", "20", "jack"),
        Cites("https://MOBILE.Twitter.COM/jack/STATUS/20", "20", "jack"),
        Cites("https://x.com/Jack_Hanrahan/status/1479123456789012345", "1479123456789012345", "Jack_Hanrahan"),
        Cites("https://x.com/jack/status/9223372036854775807", "9223372036854775807", "jack"),
        Cites("https://x.com/jack/status/0020", "20", "jack"),

        // In running text and punctuation.
        Cites("Read it (https://x.com/jack/status/20).", "20", "jack"),
        Cites("See x.com/jack/status/20, then reply.", "20", "jack"),
        Cites("Sources: …twitter.com/jack/status/20", "20", "jack"),
        Cites("\"https://x.com/jack/status/20\"", "20", "jack"),
        Cites("link:https://x.com/jack/status/20;", "20", "jack"),

        // Front-end mirrors.
        Cites("https://fxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://vxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://fixupx.com/jack/status/20", "20", "jack"),
        Cites("https://fixvx.com/jack/status/20", "20", "jack"),
        Cites("https://twittpr.com/jack/status/20", "20", "jack"),
        Cites("https://d.fxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://dl.fxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://t.fxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://i.fixupx.com/jack/status/20", "20", "jack"),
        Cites("https://g.fxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://m.vxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://o.fxtwitter.com/jack/status/20", "20", "jack"),
        Cites("https://nitter.net/jack/status/20#m", "20", "jack"),
        Cites("https://nitter.poast.org/jack/status/20", "20", "jack"),
        Cites("https://xcancel.com/jack/status/20", "20", "jack"),
        Cites("http://twitter3e4tixl4xyajtrzo62zg5vztmjuricljdp2c5kshju4avyoid.onion/jack/status/20", "20", "jack"),

        // Markdown links, autolinks and reference definitions.
        Cites("[the tweet](https://x.com/jack/status/20)", "20", "jack"),
        Cites("[the tweet](https://x.com/jack/status/20 \"Jack's tweet\")", "20", "jack"),
        Cites("<https://x.com/jack/status/20>", "20", "jack"),
        Cites("[1]: https://x.com/jack/status/20", "20", "jack"),
        Cites("[1]: <https://x.com/jack/status/20> \"title\"", "20", "jack"),
        Cites("**https://x.com/jack/status/20**", "20", "jack"),

        // One tweet, several forms: one citation.
        Cites("x.com/jack/status/20 and again twitter.com/JACK/status/20", "20", "jack"),
        Cites("https://x.com/i/status/20 is https://x.com/jack/status/20", "20", "jack"),
        Many(
            "First https://x.com/b/status/2 then https://x.com/a/status/1 then x.com/b/status/2",
            Tweet("2", "b"), Tweet("1", "a")),

        // Short links: tweetId unknown until resolved.
        Short("pic.twitter.com/rtVCutBtcO", "https://pic.twitter.com/rtVCutBtcO"),
        Short("https://pic.twitter.com/rtVCutBtcO", "https://pic.twitter.com/rtVCutBtcO"),
        Short("https://pic.x.com/rtVCutBtcO", "https://pic.twitter.com/rtVCutBtcO"),
        Short("https://t.co/Qx7LmN2pAa", "https://t.co/Qx7LmN2pAa"),
        Short("t.co/Qx7LmN2pAa", "https://t.co/Qx7LmN2pAa"),
        Short("HTTPS://T.CO/Qx7LmN2pAa?amp=1", "https://t.co/Qx7LmN2pAa"),
        Short("https://t.co/abc and pic.twitter.com/abc", "https://pic.twitter.com/abc"),
        Short($"t.co/{new string('a', 40)}", $"https://t.co/{new string('a', 40)}"),
        Many("t.co/abc t.co/ABC", ShortOnly("https://t.co/abc"), ShortOnly("https://t.co/ABC")),

        // Not tweets: pages that are not a status.
        None("https://twitter.com/jack"),
        None("https://twitter.com/jack/"),
        None("https://x.com/jack/with_replies"),
        None("https://twitter.com/hashtag/Kazakhstan?src=hash"),
        None("https://x.com/search?q=%23Kazakhstan&src=typed_query&f=live"),
        None("https://twitter.com/i/lists/1234567890123456789"),
        None("https://twitter.com/jack/lists/friends"),
        None("https://twitter.com/i/moments/1234567890123456789"),
        None("https://x.com/i/spaces/1yoKMwpgzXYZa"),
        None("https://x.com/i/events/1234567890123456789"),
        None("https://twitter.com/"),

        // Not tweets: look-alike hosts and other URLs.
        None("https://x.com.evil.example/jack/status/20"),
        None("https://notx.com/jack/status/20"),
        None("https://twitter.com.example.org/jack/status/20"),
        None("https://evil-twitter.com/jack/status/20"),
        None("https://x.co/jack/status/20"),
        None("https://example.com/twitter.com/jack/status/20"),
        None("ftp://twitter.com/jack/status/20"),
        None("https://pbs.twimg.com/media/FIY2vXxX0AAbc12.jpg?format=jpg&name=large"),
        None("https://pbs.twimg.com/media/FIY2vXxX0AAbc12.jpg:large"),
        None("https://platform.twitter.com/widgets.js"),

        // Not tweets: e-mail addresses, mentions, bad ids.
        None("someone@x.com"),
        None("someone@x.com/jack/status/20"),
        None("write to press@twitter.com today"),
        None("@jack"),
        None("(@jack)"),
        None("as @jack said"),
        None("https://x.com/jack/status/12345678901234567890"),
        None("https://x.com/jack/status/123abc"),
        None("https://x.com/jack/status/20_1"),
        None("https://x.com/jack/status/"),
        None("https://x.com/jack/status/0"),
        None("https://x.com/jack/status/9223372036854775808"),
        None("https://x.com/jackjackjackjackj/status/20"),
        None("https://x.com/i/web/statuses"),

        // Not short links.
        None($"t.co/{new string('a', 41)}"),
        None("pic.twitter.com/abc_def"),
        None("pic.twitter.com/"),
        None("$t.co/abc"),
        None("#t.co/abc"),
        None("@t.co/abc"),
        None("at.co/abc"),
        None("budget_t.co/abc"),

        // Signatures need a date right after the handle.
        None("as one user — Jane (@jane) — said"),
        None("— Jane (@jane) January 7"),
        None("Jane (@jane) January 7, 2022"),
    ];

    private static CitationCase Cites(string input, string id, string? handle) => new(input, [Tweet(id, handle)]);

    private static CitationCase Short(string input, string shortLink) => new(input, [ShortOnly(shortLink)]);

    private static CitationCase Many(string input, params ExpectedCitation[] expected) => new(input, expected);

    private static CitationCase None(string input) => new(input, []);

    private static ExpectedCitation Tweet(string id, string? handle) => new(id, handle, null);

    private static ExpectedCitation ShortOnly(string shortLink) => new(null, null, shortLink);
}

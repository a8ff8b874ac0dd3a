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

    /// <summary>
    /// Issue 13, section 3: links right against CJK, Hangul, Thai, Arabic or Hebrew text and fullwidth punctuation; links
    /// after '$', '#' or '@' in either width; links that are a parameter of another URL; short-link codes that run on
    /// into a host name or word; and their neighbours that must still be found.
    /// </summary>
    public static IReadOnlyList<CitationCase> Issue13 { get; } =
    [
        // Written against the words of scripts that use no spaces, or that never continue a Latin word.
        Short("これは日本語です。t.co/abcde한국語", "https://t.co/abcde"),
        Short("中国語t.co/abcde한국", "https://t.co/abcde"),
        Short("中国語http://t.co/abcde한국", "https://t.co/abcde"),
        Cites("テストtwitter.com/jack/status/20です", "20", "jack"),
        Cites("한국어x.com/jack/status/20입니다", "20", "jack"),
        Short("ข่าวนี้pic.twitter.com/AbCdE12345ครับ", "https://pic.twitter.com/AbCdE12345"),
        Cites("انظرhttps://x.com/jack/status/20هنا", "20", "jack"),
        Short("ראוt.co/abcdeכאן", "https://t.co/abcde"),
        Cites("देखेंx.com/jack/status/20यहाँ", "20", "jack"),
        Cites("見て（https://x.com/jack/status/20）", "20", "jack"),
        Short("「t.co/abcde」", "https://t.co/abcde"),
        Short("詳細：t.co/abcde、続き", "https://t.co/abcde"),
        Short("記事t.co/abcde１２月", "https://t.co/abcde"),
        Short("日本語　t.co/abcde", "https://t.co/abcde"),
        Short("見て\u200Bt.co/abcde", "https://t.co/abcde"),
        Cites("انظر\u200Fhttps://x.com/jack/status/20", "20", "jack"),
        Many("写真pic.twitter.com/AbCdE12345と動画t.co/XyZ9876543です", ShortOnly("https://pic.twitter.com/AbCdE12345"), ShortOnly("https://t.co/XyZ9876543")),

        // Glued to a word of a script written with Latin letters: the link is part of the word.
        None("cafét.co/abcde"),
        None("t.co/abcdé"),
        None("Смотритеx.com/jack/status/20"),
        None("t.co/abcdeпривет"),
        None("x.com/jack/status/20é"),
        None("naïvex.com/jack/status/20"),

        // After '$', '#' or '@', with or without a scheme, half or full width.
        None("$https://t.co/abcde"),
        None("$http://twitter.com/jack/status/20"),
        None("$//t.co/abcde"),
        None("＄t.co/abcde"),
        None("#https://t.co/abcde"),
        None("＃https://x.com/jack/status/20"),
        None("@https://t.co/abcde"),
        None("＠t.co/abcde"),
        Short("US$ 5 https://t.co/abcde", "https://t.co/abcde"),

        // A parameter of another URL's query or fragment: where a reader came from, not a citation.
        None("http://www.foo.com?referer=https://t.co/abcde"),
        None("https://www.nytimes.com/2016/04/10/opinion/fired.html?smid=tw-share&referer=https://t.co/GST3iLv3Zn"),
        None("example.com/share?u=https://x.com/jack/status/20"),
        None("https://example.com/?u=t.co/abcde"),
        None("https://example.com/page#ref=https://t.co/abcde"),
        None("https://example.com/a?b=1&https://t.co/abcde"),
        None("https://twitter.com/intent/tweet?url=https://t.co/abcde"),
        None("https://twitter.com/intent/tweet?text=Look+https://t.co/abcde"),
        None("url=https://x.com/jack/status/20"),

        // Next to another URL, or in its path: still a citation.
        Short("Is this it?https://t.co/abcde", "https://t.co/abcde"),
        Short("https://a.example/x,https://t.co/abcde", "https://t.co/abcde"),
        Short("See https://example.com/?q=1 and https://t.co/abcde", "https://t.co/abcde"),
        Cites("[https://example.com/?a=b](https://x.com/jack/status/20)", "20", "jack"),
        Cites("https://web.archive.org/web/2022/https://twitter.com/jack/status/20", "20", "jack"),

        // A code that runs on into a host name or another word is not a code.
        None("pic.twitter.com/pic.twitter.com/AbCdE12345"),
        None("pic.x.com/pic.x.com/AbCdE12345"),
        None("pic.twitter.com/abc.twitter.com/"),
        None("t.co/abcde.example.org"),
        None("t.co/abcde.example/x"),
        None("t.co/abc-def"),
        None("t.co/abc/def"),
        None("t.co/abc@example"),

        // Where a code does end: sentence punctuation, an apostrophe, a fragment, one short word after a dot.
        Short("I really like http://t.co/pbY2NfTZ's website", "https://t.co/pbY2NfTZ"),
        Short("Check this site out http://t.co/FNkPfmii- it's great", "https://t.co/FNkPfmii"),
        Short("According to http://t.co/ulYGBYSo: the internet is cool", "https://t.co/ulYGBYSo"),
        Short("http://t.co/TKLp64dY.x", "https://t.co/TKLp64dY"),
        Short("http://t.co/8MkmHU0k+c", "https://t.co/8MkmHU0k"),
        Short("http://t.co/8t7G3ddS#a", "https://t.co/8t7G3ddS"),
        Short("pic.twitter.com/AbCdE12345...", "https://pic.twitter.com/AbCdE12345"),
        Short("pic.twitter.com/AbCdE12345.\nNext line", "https://pic.twitter.com/AbCdE12345"),

        // Prose with a dash, a handle in parentheses and a date, going on after the date: not a signature.
        None("The first report came from a reporter — Jane Doe (@janedoe) 7 January 2022 — and it spread."),
        None("A neighbour — Jane Doe (@janedoe) January 7, 2022, she said — saw it."),
        None("Asked about it -- Jane (@jane) March 3, 2021 was the date she gave."),
        None("Quoted by a colleague &mdash; Jane (@jane) 7 de enero de 2022 y otros."),
        None("— Jane (@jane) January 7, 2022."),
        None("記者 — 山田 (@yamada) 2018年3月21日に報じた"),
    ];

    private static CitationCase Cites(string input, string id, string? handle) => new(input, [Tweet(id, handle)]);

    private static CitationCase Short(string input, string shortLink) => new(input, [ShortOnly(shortLink)]);

    private static CitationCase Many(string input, params ExpectedCitation[] expected) => new(input, expected);

    private static CitationCase None(string input) => new(input, []);

    private static ExpectedCitation Tweet(string id, string? handle) => new(id, handle, null);

    private static ExpectedCitation ShortOnly(string shortLink) => new(null, null, shortLink);
}

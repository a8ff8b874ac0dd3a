using Archiver.Sources;
using static Archiver.Tests.Sources.Exchanges;
using static Archiver.Tests.Sources.OutcomeCase;

namespace Archiver.Tests.Sources;

/// <summary>Which outcome each syndication answer gives. One line per case; the fields are checked in <see cref="SyndicationTweetTests"/>.</summary>
public sealed class SyndicationParserTests
{
    private static readonly IReadOnlyList<OutcomeCase> Cases =
    [
        Found("200 old shape", Json(200, SyndicationFixtures.OldShapePhotoWithCard)),
        Found("200 2026 shape", Json(200, SyndicationFixtures.NewShapeVideoQuoting)),
        Found("200 reply", Json(200, SyndicationFixtures.ReplyWithParent)),
        Found("200 gif", Json(200, SyndicationFixtures.Gif)),
        Found("200 mixed media", Json(200, SyndicationFixtures.MixedWithReusedVideo)),
        Found("200 note tweet", Json(200, SyndicationFixtures.NoteTweet)),
        Found("200 escaping", Json(200, SyndicationFixtures.EscapingAndEmoji)),
        Found("200 without user", Json(200, SyndicationFixtures.WithoutUser)),
        Found("200 json without charset", Make(200, "application/json", SyndicationFixtures.Gif)),
        Found("200 tweet without __typename", Json(200, """{"id_str":"1790000000000000000","text":"plain"}""")),

        .. TombstoneWordingTests.Sentences.Select(s =>
            Unavailable($"200 tombstone: {s.Sentence}", Json(200, SyndicationFixtures.Tombstone(s.Sentence)), s.Reason, s.Sentence)),
        Unavailable("200 bare tombstone", Json(200, SyndicationFixtures.Tombstone(null)), Unavailability.NotFound),
        Unavailable("200 tombstone with empty object", Json(200, """{"__typename":"TweetTombstone","tombstone":{}}"""), Unavailability.NotFound),
        Unavailable("200 tombstone with empty text", Json(200, SyndicationFixtures.Tombstone("")), Unavailability.NotFound),
        Unavailable("200 tombstone with plain text", Json(200, """{"__typename":"TweetTombstone","tombstone":{"text":"This Post is from a suspended account."}}"""),
            Unavailability.Suspended, "This Post is from a suspended account."),
        Unavailable("404 html", Html(404, "<!DOCTYPE html><html><body>Nothing to see here</body></html>"), Unavailability.NotFound),
        Unavailable("404 html cut at the cap", Make(404, HtmlType, "<!DOCTYPE html><html>", truncated: true), Unavailability.NotFound),
        Unavailable("404 json", Json(404, """{"error":"Not found"}"""), Unavailability.NotFound),

        Failed("200 empty object", Json(200, "{}"), SyndicationParser.EmptyObject),
        Failed("200 empty object with spaces", Json(200, " { } "), SyndicationParser.EmptyObject),
        Failed("200 html", Html(200, "<html><body>Please wait</body></html>"),
            "HTTP 200 with content type 'text/html; charset=utf-8' where JSON was expected."),
        Failed("200 no content type", Make(200, null, SyndicationFixtures.Gif), "HTTP 200 with content type 'none' where JSON was expected."),
        Failed("200 unparsable json", Json(200, """{"__typename":"Tweet","id_str":"17"""), "HTTP 200: the body is not valid JSON"),
        Failed("200 json array", Json(200, "[]"), "HTTP 200 with a JSON Array where an object was expected."),
        Failed("200 unknown typename", Json(200, """{"__typename":"TweetUnavailable","reason":"x"}"""), "HTTP 200 with an unknown __typename 'TweetUnavailable'."),
        Failed("200 errors array", Json(200, """{"errors":[{"code":144,"message":"No status found with that ID."}]}"""),
            "HTTP 200 with neither a __typename nor a tweet (No status found with that ID.)."),
        Failed("200 tweet without id", Json(200, """{"__typename":"Tweet","text":"orphan"}"""), "HTTP 200 with a Tweet that has no id_str."),
        Failed("200 truncated", Make(200, JsonType, SyndicationFixtures.Gif[..100], truncated: true), "HTTP 200: the body was cut at the size cap (100 bytes kept)."),
        Failed("429", Make(429, "text/plain", "Too Many Requests"), "HTTP 429: throttled."),
        Failed("500 with json error", Json(500, """{"error":"Internal"}"""), "HTTP 500: upstream error (Internal)."),
        Failed("503", Html(503, "<html>Service Unavailable</html>"), "HTTP 503: upstream error."),
        Failed("403", Html(403, "<html>Forbidden</html>"), "HTTP 403: unexpected status."),
        Failed("timeout", NoAnswer(), "No response (timeout or connection failure)."),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_Case_GivesExpectedOutcome(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        @case.Check(SyndicationParser.Parse(@case.Exchange), "syndication");
    }

    [Fact]
    public void Cases_Names_AreUnique() => AssertUniqueNames(Cases);

    [Fact]
    public void Parse_EmptyObject_PinsTheMessage() =>
        Assert.Equal(
            "HTTP 200 with an empty object {}: the token was missing or rejected, or the caller is throttled.",
            Assert.IsType<SourceFailed>(SyndicationParser.Parse(Json(200, "{}"))).Error);
}

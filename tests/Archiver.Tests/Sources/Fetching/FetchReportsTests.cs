using Archiver.Sources;

namespace Archiver.Tests.Sources.Http;

/// <summary>The ladder's assembly rules, on hand-made outcomes (no HTTP).</summary>
public sealed class FetchReportsTests
{
    private const string Id = "1777777777777777777";

    private static readonly UpstreamExchange Evidence = new() { Endpoint = "x", Url = "https://x.com/", At = DateTimeOffset.UnixEpoch, Sha256 = "" };

    private static TweetFound Found(string source, TweetAuthor? author = null) => new()
    {
        Source = source,
        Evidence = [Evidence],
        Tweet = new TweetData { Id = Id, Text = source, Author = author },
    };

    private static TweetUnavailable Unavailable(string source, Unavailability reason) =>
        new() { Source = source, Evidence = [Evidence], Reason = reason };

    private static SourceFailed Failed(string source) => new() { Source = source, Evidence = [Evidence], Error = "HTTP 503" };

    [Fact]
    public void Assemble_SpecificReasonAndNotFound_SpecificReasonWins()
    {
        var report = FetchReports.Assemble(Id, [Unavailable("syndication", Unavailability.NotFound), Failed("oembed"), Unavailable("fxtwitter", Unavailability.Suspended)]);

        Assert.Equal(Unavailability.Suspended, report.Unavailable);
        Assert.False(report.Transient);
    }

    [Fact]
    public void Assemble_OneSourceFindsTheTweet_NeverUnavailable()
    {
        var report = FetchReports.Assemble(Id, [Unavailable("syndication", Unavailability.Deleted), Found("oembed", new TweetAuthor { Name = "A", ScreenName = "a" })]);

        Assert.Null(report.Unavailable);
        Assert.Equal("oembed", report.Tweet?.Text);
        Assert.Equal("oembed", report.SuppliedBy["tweet"]);
    }

    [Fact]
    public void Assemble_OnlyFailures_Transient()
    {
        var report = FetchReports.Assemble(Id, [Failed("syndication"), Failed("oembed"), Failed("fxtwitter")]);

        Assert.True(report.Transient);
        Assert.Null(report.Unavailable);
        Assert.Null(report.Tweet);
    }

    [Fact]
    public void Assemble_TruncatedSyndicationText_FullTextFromFxTwitter()
    {
        var syndication = Found("syndication") with { Tweet = new TweetData { Id = Id, Text = "Short…", Truncated = true } };
        var fxTwitter = Found("fxtwitter") with { Tweet = new TweetData { Id = Id, Text = "Short and then the whole long note." } };

        var report = FetchReports.Assemble(Id, [syndication, Failed("oembed"), fxTwitter]);

        Assert.Equal("Short and then the whole long note.", report.Tweet?.Text);
        Assert.False(report.Tweet?.Truncated);
        Assert.Equal("fxtwitter", report.SuppliedBy["text"]);
        Assert.Equal("syndication", report.SuppliedBy["tweet"]);
    }
}

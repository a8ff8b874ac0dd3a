using System.Text;
using Archiver.Archive;
using Archiver.Sources;

namespace Archiver.Tests.Archive;

/// <summary>
/// Issue 11, "What to build" §3, rule by rule: when a re-check's capture is a new version of the tweet, completes the
/// latest one, or is a check only. The inputs are built the way the capturer and the recorder build them (provenance and
/// part prints from <see cref="TweetParts"/>), without storage or HTTP.
/// </summary>
public sealed class VersionRulesTests
{
    private const string Syndication = SyndicationParser.SourceName;
    private const string FxTwitter = FxTwitterParser.SourceName;
    private const string OEmbed = OEmbedParser.SourceName;

    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Edits a reader would see, each on a part the richest source delivers.</summary>
    private static readonly Dictionary<string, Func<TweetData, TweetData>> RealEdits = new()
    {
        ["text"] = t => t with { Text = "The harbour bridge is open again." },
        ["author renamed"] = t => t with { Author = t.Author! with { Name = "Harbour Watch (official)" } },
        ["media removed"] = t => t with { Media = [t.Media[0]] },
        ["media replaced"] = t => t with { Media = [t.Media[0], Photo("Replaced")] },
        ["media added"] = t => t with { Media = [.. t.Media, Photo("Added")] },
        ["edit chain"] = t => t with { Edits = new TweetEdits { EditTweetIds = [t.Id, "1111111111111111112"], IsEdited = true } },
        ["card"] = t => t with { Card = new TweetCard { Name = "summary", Title = "Bridge works", Url = "https://example.org/bridge" } },
        ["quoted tweet"] = t => t with { QuotedTweetId = "2222222222222222222" },
    };

    public static TheoryData<string> RealEditNames => [.. RealEdits.Keys];

    [Fact]
    public void Decide_NoVersionYet_NewVersion()
    {
        var capture = Found(Tweet(), Syndication);

        Assert.Equal(VersionDecision.NewVersion, VersionRules.Decide(null, capture, Prints(capture), ContentHash(capture)));
    }

    [Fact]
    public void Decide_TextFilledInByASourceThatNowFails_UnknownNotChanged_Issue11()
    {
        // Syndication cuts a long tweet short; FxTwitter's full text filled it in. Now FxTwitter fails: the text held is
        // syndication's shorter one, which says nothing about the full text.
        var full = Tweet("The harbour bridge is closed until Friday while the cables are inspected and the deck is resurfaced.");
        var latest = Recorded(Found(full, Syndication, filledBy: (TweetParts.Text, FxTwitter)));
        var cut = full with { Text = "The harbour bridge is closed until Friday while the cables are insp…", Truncated = true };

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, PartFailed(Found(cut, Syndication), TweetParts.Text, FxTwitter)));
    }

    [Fact]
    public void Decide_AuthorFilledInByASourceThatNowFails_UnknownNotChanged_Issue11()
    {
        var latest = Recorded(Found(Tweet(), Syndication, filledBy: (TweetParts.Author, FxTwitter)));
        var withoutAuthor = Tweet() with { Author = null };

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, PartFailed(Found(withoutAuthor, Syndication), TweetParts.Author, FxTwitter)));
    }

    [Fact]
    public void Decide_MediaDownloadFailsWhileItsUrlIsStillListed_Unchanged_Issue11()
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, DownloadFailed(Found(Tweet(), Syndication), index: 1)));
    }

    [Fact]
    public void Decide_EveryMediaDownloadFails_Unchanged_Issue11()
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, DownloadFailed(DownloadFailed(Found(Tweet(), Syndication), index: 0), index: 1)));
    }

    [Theory]
    [InlineData("media removed")]
    [InlineData("media replaced")]
    [InlineData("media added")]
    public void Decide_MediaListChangedWhileADownloadFails_NewVersion_Issue11(string edit)
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.NewVersion, Decide(latest, DownloadFailed(Found(RealEdits[edit](Tweet()), Syndication), index: 0)));
    }

    [Theory]
    [InlineData(FxTwitter)]
    [InlineData(OEmbed)]
    public void Decide_PoorerSourceWithOtherText_PoorerNeverAVersion_Issue11(string source)
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.Poorer, Decide(latest, Found(RealEdits["text"](Tweet()), source)));
    }

    [Fact]
    public void Decide_PoorerSourceWithFewerMedia_PoorerNeverAVersion_Issue11()
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.Poorer, Decide(latest, Found(RealEdits["media removed"](Tweet()), FxTwitter)));
    }

    [Fact]
    public void Decide_PoorerSourceChangesAPartBothHoldFromIt_PoorerNeverAVersion_Issue11()
    {
        // The version's author came from FxTwitter too, so the two prints are comparable and differ; still the
        // capture as a whole comes from a poorer source than the version's.
        var latest = Recorded(Found(Tweet(), Syndication, filledBy: (TweetParts.Author, FxTwitter)));

        Assert.Equal(VersionDecision.Poorer, Decide(latest, Found(RealEdits["author renamed"](Tweet()), FxTwitter)));
    }

    [Fact]
    public void Decide_OEmbedAfterFxTwitter_PoorerNeverAVersion_Issue11()
    {
        var latest = Recorded(Found(Tweet(), FxTwitter));

        Assert.Equal(VersionDecision.Poorer, Decide(latest, Found(RealEdits["text"](Tweet()), OEmbed)));
    }

    [Theory]
    [MemberData(nameof(RealEditNames))]
    public void Decide_RealEditSeenBySyndication_NewVersion_Issue11(string edit)
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.NewVersion, Decide(latest, Found(RealEdits[edit](Tweet()), Syndication)));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("media removed")]
    [InlineData("quoted tweet")]
    public void Decide_RealEditSeenByFxTwitterOverAnFxTwitterVersion_NewVersion_Issue11(string edit)
    {
        var latest = Recorded(Found(Tweet(), FxTwitter));

        Assert.Equal(VersionDecision.NewVersion, Decide(latest, Found(RealEdits[edit](Tweet()), FxTwitter)));
    }

    [Theory]
    [InlineData(Syndication)]
    [InlineData(FxTwitter)]
    public void Decide_OnlyCountersAndTimesChanged_Unchanged_Issue11(string source)
    {
        var latest = Recorded(Found(Tweet(), source));
        var counted = Tweet() with
        {
            Counts = new TweetCounts { Likes = 98_000, Replies = 1_200, Retweets = 15_000, Quotes = 800, Bookmarks = 40, Views = 2_000_000 },
            CreatedAt = T0.AddMinutes(1),
        };

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, Found(counted, source)));
    }

    [Fact]
    public void Decide_CompleteCaptureEqualToAPartialLatest_Completion_Issue11()
    {
        var latest = Recorded(DownloadFailed(Found(Tweet(), Syndication), index: 1));

        Assert.Equal(VersionDecision.Completion, Decide(latest, Found(Tweet(), Syndication)));
    }

    [Fact]
    public void Decide_MissingPartNowFilledInEqualCoverage_Completion_Issue11()
    {
        // The version holds syndication's cut-short text (FxTwitter failed); now FxTwitter fills it in. Both hold as many
        // parts and files: being complete is what makes the capture the fuller one.
        var full = Tweet("The harbour bridge is closed until Friday while the cables are inspected and the deck is resurfaced.");
        var cut = full with { Text = "The harbour bridge is closed until Friday while the cables are insp…", Truncated = true };
        var latest = Recorded(PartFailed(Found(cut, Syndication), TweetParts.Text, FxTwitter));

        Assert.Equal(VersionDecision.Completion, Decide(latest, Found(full, Syndication, filledBy: (TweetParts.Text, FxTwitter))));
    }

    [Fact]
    public void Decide_RicherCompleteCaptureOverAPartialPoorerLatest_Completion_Issue11()
    {
        // Syndication failed at the first capture and FxTwitter answered; now syndication answers the same tweet.
        var latest = Recorded(PartFailed(Found(Tweet(), FxTwitter), TweetParts.Card, Syndication));

        Assert.Equal(VersionDecision.Completion, Decide(latest, Found(Tweet(), Syndication)));
    }

    [Fact]
    public void Decide_RicherCaptureOverACompletePoorerLatest_Completion_Issue11()
    {
        // Syndication said conclusively that it had nothing, so FxTwitter's capture was complete; now syndication answers.
        var latest = Recorded(Found(Tweet(), FxTwitter));

        Assert.Equal(VersionDecision.Completion, Decide(latest, Found(Tweet(), Syndication)));
    }

    [Fact]
    public void Decide_RicherButPartialCaptureOverACompleteLatest_UnchangedTheCompleteSnapshotStands_Issue11()
    {
        // Syndication answers after FxTwitter's complete capture, but a video or photo download fails: syndication's
        // capture holds more parts, yet as the version's snapshot it would lack a file the version holds.
        var latest = Recorded(Found(Tweet(), FxTwitter));

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, DownloadFailed(Found(Tweet(), Syndication), index: 0)));
    }

    [Fact]
    public void Decide_FullerPartialCaptureOverAPartialLatest_Completion_Issue11()
    {
        var latest = Recorded(DownloadFailed(DownloadFailed(Found(Tweet(), Syndication), index: 0), index: 1));

        Assert.Equal(VersionDecision.Completion, Decide(latest, DownloadFailed(Found(Tweet(), Syndication), index: 1)));
    }

    [Fact]
    public void Decide_PartialCaptureNoFullerThanAPartialLatest_Unchanged_Issue11()
    {
        var latest = Recorded(DownloadFailed(Found(Tweet(), Syndication), index: 1));

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, DownloadFailed(Found(Tweet(), Syndication), index: 0)));
    }

    [Fact]
    public void Decide_CompleteCaptureEqualToACompleteLatest_Unchanged_Issue11()
    {
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, Found(Tweet(), Syndication)));
    }

    [Fact]
    public void Decide_MoreFilesOverACompleteLatestFromTheSameSource_Unchanged_Issue11()
    {
        // The avatar was gone when the version was recorded (which leaves a capture complete) and is stored now: a
        // complete version is not replaced by the same tweet from the same source.
        var latest = Recorded(Found(Tweet(), Syndication));

        Assert.Equal(VersionDecision.Unchanged, Decide(latest, WithAvatar(Found(Tweet(), Syndication))));
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void Decide_VersionRecordedBeforeParts_OnlyACompleteCaptureWithOtherContentIsNew(bool complete, bool sameContent, bool isNew)
    {
        var earlier = Found(Tweet(), Syndication);
        var latest = Recorded(earlier) with { Parts = null, TweetSource = null, Complete = null };
        var capture = Found(sameContent ? Tweet() : RealEdits["text"](Tweet()), Syndication);

        Assert.Equal(isNew ? VersionDecision.NewVersion : VersionDecision.Unchanged, Decide(latest, complete ? capture : DownloadFailed(capture, index: 0)));
    }

    private static TweetData Tweet(string text = "The harbour bridge is closed.") => new()
    {
        Id = "1111111111111111111",
        Text = text,
        CreatedAt = T0,
        Author = new TweetAuthor { Name = "Harbour Watch", ScreenName = "harbourwatch" },
        Counts = new TweetCounts { Likes = 10, Retweets = 2 },
        Media = [Photo("Pier"), Photo("Cables")],
    };

    private static TweetMedia Photo(string key) => new() { Kind = MediaKind.Photo, Url = $"https://pbs.twimg.com/media/{key}.jpg?name=orig" };

    /// <summary>A capture of <paramref name="tweet"/> from <paramref name="source"/>, every media file stored: complete.</summary>
    private static Capture Found(TweetData tweet, string source, (string Part, string Source)? filledBy = null) => new()
    {
        TweetId = tweet.Id,
        CapturedAt = T0,
        Tweet = tweet,
        TweetSource = source,
        Provenance = TweetParts.Provenance(source, filledBy is { } f ? new Dictionary<string, string> { [f.Part] = f.Source } : new Dictionary<string, string>()),
        Files = [.. tweet.Media.Select(StoredFile)],
    };

    private static SnapshotFile StoredFile(TweetMedia media, int index) => new()
    {
        Role = "media",
        Index = index,
        File = $"media-{index}.jpg",
        SourceUrl = media.Url,
        Blob = $"media/{Sha256Of(media.Url)}",
        Sha256 = Sha256Of(media.Url),
        Size = 1_000,
        ContentType = "image/jpeg",
    };

    private static Capture WithAvatar(Capture capture) => capture with
    {
        Files = [.. capture.Files, StoredFile(new TweetMedia { Kind = MediaKind.Photo, Url = "https://pbs.twimg.com/profile_images/1/harbour_400x400.jpg" }, 0) with { Role = "avatar", Index = null }],
    };

    /// <summary>The capture with media file <paramref name="index"/> not downloaded (a transient failure), its URL still listed.</summary>
    private static Capture DownloadFailed(Capture capture, int index) => capture with
    {
        Files = [.. capture.Files.Where(f => f.Index != index)],
        Missing =
        [
            .. capture.Missing,
            new MissingPart { Part = "file", Role = "media", Index = index, SourceUrl = capture.Tweet!.Media[index].Url, Kind = PartFailure.Transient, Reason = "503 Service Unavailable" },
        ],
    };

    /// <summary>The capture lacking <paramref name="part"/> because the richer <paramref name="failed"/> source failed for now.</summary>
    private static Capture PartFailed(Capture capture, string part, string failed) => capture with
    {
        Missing = [.. capture.Missing, new MissingPart { Part = part, Kind = PartFailure.Transient, Reason = $"{failed} failed (503)" }],
        Failures = [.. capture.Failures, new SourceFailure { Source = failed, Kind = PartFailure.Transient, Detail = "503" }],
    };

    /// <summary>The version the recorder lists for a snapshot of <paramref name="capture"/>.</summary>
    private static TweetVersion Recorded(Capture capture) => new()
    {
        Version = "2026-11-25T09-00-00.000Z",
        CapturedAt = capture.CapturedAt,
        ContentHash = ContentHash(capture),
        Blob = $"tweets/{capture.TweetId}/2026-11-25T09-00-00.000Z.json",
        TweetSource = capture.TweetSource,
        Parts = Prints(capture),
        Complete = capture.Completeness.Complete,
        Coverage = capture.Coverage,
    };

    private static VersionDecision Decide(TweetVersion latest, Capture capture) =>
        VersionRules.Decide(latest, capture, Prints(capture), ContentHash(capture));

    private static IReadOnlyDictionary<string, PartPrint> Prints(Capture capture) => TweetParts.Prints(capture.Tweet!, capture.Provenance);

    /// <summary>As the recorder fingerprints a capture: the tweet's content, then the bytes of its stored media.</summary>
    private static string ContentHash(Capture capture) =>
        Sha256Of(string.Join('\n', [TweetContent.Hash(capture.Tweet!), .. capture.Files.Select(f => f.Sha256)]));

    private static string Sha256Of(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

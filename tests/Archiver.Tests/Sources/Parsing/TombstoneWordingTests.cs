using Archiver.Sources;

namespace Archiver.Tests.Sources;

public sealed class TombstoneWordingTests
{
    /// <summary>X's tombstone sentences (reference 1.6) in the "Post/X" wording and the older "Tweet/Twitter" one.</summary>
    internal static readonly IReadOnlyList<(string Sentence, Unavailability Reason)> Sentences =
    [
        ("This Post was deleted by the Post author. Learn more", Unavailability.Deleted),
        ("This Tweet was deleted by the Tweet author. Learn more", Unavailability.Deleted),
        ("This Post is from a suspended account. Learn more", Unavailability.Suspended),
        ("This Tweet is from a suspended account. Learn more", Unavailability.Suspended),
        ("You\u2019re unable to view this Post because this account owner limits who can view their Posts. Learn more", Unavailability.Protected),
        ("You\u2019re unable to view this Tweet because this account owner limits who can view their Tweets. Learn more", Unavailability.Protected),
        ("You're unable to view this Post because this account owner limits who can view their Posts.", Unavailability.Protected),
        ("This Post is from an account that no longer exists. Learn more", Unavailability.Deleted),
        ("This Tweet is from an account that no longer exists. Learn more", Unavailability.Deleted),
        ("This Post violated the X Rules. Learn more", Unavailability.Withheld),
        ("This Tweet violated the Twitter Rules. Learn more", Unavailability.Withheld),
        ("This Post is unavailable. Learn more", Unavailability.NotFound),
        ("This Tweet is unavailable. Learn more", Unavailability.NotFound),
        ("Age-restricted adult content. This content might not be appropriate for people under 18 years old. To view this media, you\u2019ll need to log in to X. Learn more", Unavailability.AgeRestricted),
        ("Age-restricted adult content. This content might not be appropriate for people under 18 years old. To view this media, you\u2019ll need to log in to Twitter. Learn more", Unavailability.AgeRestricted),
        ("This Post from @someone has been withheld in Freedonia in response to a legal demand.", Unavailability.Withheld),
        ("THIS POST WAS DELETED BY THE POST AUTHOR.", Unavailability.Deleted),
        ("Something we have never seen before.", Unavailability.NotFound),
    ];

    public static TheoryData<string> SentenceTexts => new(Sentences.Select(s => s.Sentence));

    [Theory]
    [MemberData(nameof(SentenceTexts))]
    public void Classify_KnownSentence_GivesItsReason(string sentence) =>
        Assert.Equal(Sentences.Single(s => s.Sentence == sentence).Reason, TombstoneWording.Classify(sentence));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_NoWording_IsNotFound(string? wording) =>
        Assert.Equal(Unavailability.NotFound, TombstoneWording.Classify(wording));

    [Fact]
    public void Sentences_Listed_AreUnique() =>
        Assert.Equal(Sentences.Count, Sentences.Select(s => s.Sentence).Distinct().Count());

    [Fact]
    public void Phrases_Table_IsLowerCaseWithStraightApostrophes() =>
        Assert.All(TombstoneWording.Phrases, p => Assert.Equal(p.Phrase.ToLowerInvariant().Replace('\u2019', '\''), p.Phrase));
}

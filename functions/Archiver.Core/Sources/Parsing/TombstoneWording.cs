namespace Archiver.Sources;

/// <summary>
/// Classifies the sentence X shows in place of a hidden tweet. There is no structured reason, so this matches phrases
/// (as FxEmbed does), in the "Tweet/Twitter" wording used before mid-2023 and the "Post/X" wording after; case and
/// typographic apostrophes do not matter. The first row whose phrase appears wins.
/// </summary>
internal static class TombstoneWording
{
    /// <summary>The table, most specific first. Each phrase is lower case with straight apostrophes.</summary>
    public static IReadOnlyList<(string Phrase, Unavailability Reason)> Phrases { get; } =
    [
        // "This Post was deleted by the Post author." / "This Tweet was deleted by the Tweet author."
        ("deleted by the", Unavailability.Deleted),

        // "This Post is from an account that no longer exists." The author removed the account, so the tweet went
        // with it: Deleted. (Suspended is the platform's action and has its own sentence.)
        ("account that no longer exists", Unavailability.Deleted),
        ("from a suspended account", Unavailability.Suspended),

        // "You're unable to view this Post because this account owner limits who can view their Posts."
        ("limits who can view", Unavailability.Protected),
        ("protected", Unavailability.Protected),

        // "This Post violated the X Rules." / "This Tweet violated the Twitter Rules." X holds it back for a rules
        // violation: Withheld (held back by the platform, as for a country withholding), not the author's deletion.
        ("violated the", Unavailability.Withheld),
        ("withheld", Unavailability.Withheld),

        // "Age-restricted adult content. This content might not be appropriate for people under 18 years old. ..."
        ("age-restricted", Unavailability.AgeRestricted),
        ("adult content", Unavailability.AgeRestricted),
        ("sensitive content", Unavailability.AgeRestricted),

        // "This Post is unavailable." says nothing more.
        ("unavailable", Unavailability.NotFound),

        // Looser words last, for sentences not seen yet.
        ("suspended", Unavailability.Suspended),
        ("deleted", Unavailability.Deleted),
    ];

    /// <summary>
    /// The reason a tombstone sentence gives. An empty tombstone, a missing text, or a sentence that matches nothing
    /// reads as <see cref="Unavailability.NotFound"/>: hidden, cause unknown.
    /// </summary>
    public static Unavailability Classify(string? wording)
    {
        if (string.IsNullOrWhiteSpace(wording))
        {
            return Unavailability.NotFound;
        }

        var normalised = wording.Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant();
        foreach (var (phrase, reason) in Phrases)
        {
            if (normalised.Contains(phrase, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return Unavailability.NotFound;
    }
}

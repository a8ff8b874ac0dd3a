namespace Archiver.Archive;

/// <summary>What a capture of a found tweet is to the tweet's latest version.</summary>
internal enum VersionDecision
{
    /// <summary>The tweet changed (or there is no version yet): a new version.</summary>
    NewVersion,

    /// <summary>
    /// The same version, captured more fully: its snapshot is replaced, the earlier one kept and listed. Only a complete
    /// capture replaces a complete snapshot.
    /// </summary>
    Completion,

    /// <summary>Nothing new: a check only.</summary>
    Unchanged,

    /// <summary>A poorer source than the version's answered: never a version, a check only.</summary>
    Poorer,
}

/// <summary>
/// When a capture is a new version. Only what both captures hold from the same source is compared: a part missing
/// because a source or download failed is unknown, not changed; a file that failed to download while its URL is still
/// listed is unchanged; a change in the list of media is a change; counters never are; a poorer source never
/// makes a version over a richer one; and a partial capture never replaces a complete snapshot.
/// </summary>
internal static class VersionRules
{
    public static VersionDecision Decide(TweetVersion? latest, Capture capture, IReadOnlyDictionary<string, PartPrint> prints, string contentHash)
    {
        if (latest is null)
        {
            return VersionDecision.NewVersion;
        }

        var complete = capture.Completeness.Complete;
        if (latest.Parts is null)
        {
            // A version recorded before parts were: only a complete capture with other content makes a new one.
            return latest.ContentHash == contentHash || !complete ? VersionDecision.Unchanged : VersionDecision.NewVersion;
        }

        var rank = TweetParts.Rank(capture.TweetSource);
        var latestRank = TweetParts.Rank(latest.TweetSource);
        if (rank < latestRank)
        {
            return VersionDecision.Poorer;
        }

        if (Changed(latest.Parts, prints).Any())
        {
            return VersionDecision.NewVersion;
        }

        if (!complete && latest.Complete != false)
        {
            // A partial capture never replaces a complete snapshot, even from a richer source: the version's latest
            // snapshot would then lack a file or part it holds. It waits until that source's capture is complete.
            return VersionDecision.Unchanged;
        }

        var fuller = (complete && latest.Complete == false) || capture.Coverage > latest.Coverage;
        return fuller && (latest.Complete == false || rank > latestRank) ? VersionDecision.Completion : VersionDecision.Unchanged;
    }

    /// <summary>The compared parts both hold from the same source, with different content.</summary>
    public static IEnumerable<string> Changed(IReadOnlyDictionary<string, PartPrint> before, IReadOnlyDictionary<string, PartPrint> after) =>
        TweetParts.Compared.Where(part =>
            before.TryGetValue(part, out var a) && after.TryGetValue(part, out var b) && a.Source == b.Source && a.Hash != b.Hash);
}

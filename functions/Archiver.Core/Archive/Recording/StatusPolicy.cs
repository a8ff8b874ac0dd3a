using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// How one check's answer changes a tweet's status. Deleted (suspended, protected…) is a conclusion: it needs
/// <see cref="StatusPolicyOptions.ConfirmChecks"/> consistent answers at least <see cref="StatusPolicyOptions.ConfirmSpacing"/>
/// apart, corroborated by a second source where one answers. Failures (429, 5xx, timeouts, HTML for JSON) never count.
/// </summary>
public static class StatusPolicy
{
    public static readonly IReadOnlySet<TweetStatus> Gone = new HashSet<TweetStatus>
    {
        TweetStatus.Deleted, TweetStatus.Suspended, TweetStatus.Protected, TweetStatus.AgeRestricted, TweetStatus.Withheld, TweetStatus.NotFound,
    };

    public static TweetStatus Concluded(Unavailability reason) => reason switch
    {
        Unavailability.Deleted => TweetStatus.Deleted,
        Unavailability.Suspended => TweetStatus.Suspended,
        Unavailability.Protected => TweetStatus.Protected,
        Unavailability.AgeRestricted => TweetStatus.AgeRestricted,
        Unavailability.Withheld => TweetStatus.Withheld,
        _ => TweetStatus.NotFound,
    };

    /// <summary>The tweet was seen: available, or restored when it had been concluded gone.</summary>
    public static TweetStatus OnFound(TweetState? current) =>
        current is not null && (Gone.Contains(current.Status) || current.Status == TweetStatus.Restored) ? TweetStatus.Restored : TweetStatus.Available;

    /// <summary>
    /// Sources said the tweet cannot be seen. Returns the status to record and the suspicion to keep (null once concluded).
    /// </summary>
    public static (TweetStatus Status, Suspicion? Suspect) OnUnavailable(
        TweetState? current, Unavailability reason, bool corroborated, DateTimeOffset now, StatusPolicyOptions options)
    {
        if (current is not null && Gone.Contains(current.Status) && (current.Status == Concluded(reason) || reason == Unavailability.NotFound))
        {
            return (current.Status, null);
        }

        // A bare "not found" (oEmbed's or FxTwitter's 404 while syndication is failing) agrees with a specific reason
        // (syndication's tombstone): the answers add up under the specific one instead of starting over in turn.
        var previous = current?.Suspect is { } s && Agree(s.Reason, reason) ? s : null;
        var specific = previous is not null && reason == Unavailability.NotFound ? previous.Reason : reason;
        var suspect = previous is null
            ? new Suspicion { Reason = reason, FirstAt = now, LastAt = now, Checks = 1, Corroborated = corroborated }
            : now - previous.LastAt >= options.ConfirmSpacing
                ? previous with { Reason = specific, LastAt = now, Checks = previous.Checks + 1, Corroborated = previous.Corroborated || corroborated }
                : previous with { Reason = specific, Corroborated = previous.Corroborated || corroborated };

        if (suspect.Checks >= options.ConfirmChecks && suspect.Corroborated)
        {
            return (Concluded(suspect.Reason), null);
        }

        // Not a conclusion yet: a tweet never captured shows what the sources say; a captured one keeps its status.
        var status = current?.Latest is null ? TweetStatus.Unavailable : current.Status == TweetStatus.Pending ? TweetStatus.Unavailable : current.Status;
        return (status, suspect);
    }

    private static bool Agree(Unavailability a, Unavailability b) =>
        a == b || a == Unavailability.NotFound || b == Unavailability.NotFound;

    /// <summary>The next check: the first interval after any change, else the next interval in the list.</summary>
    public static (DateTimeOffset Next, int Index) NextCheck(TweetState? current, bool changed, DateTimeOffset now, StatusPolicyOptions options)
    {
        var index = changed || current is null ? 0 : Math.Min(current.IntervalIndex + 1, options.Intervals.Length - 1);
        return (now + options.Intervals[index], index);
    }
}

using Archiver.Archive;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// One archived tweet: its state, history and versions, the latest snapshot, and where to download things;
/// <c>complete</c> false and <c>partial</c> (what is missing, why, and the retries so far) while its latest capture is partial.
/// </summary>
public sealed record TweetView(
    string TweetId,
    string? ScreenName,
    TweetStatus Status,
    string? Reason,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? LastArchivedAt,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? NextCheckAt,
    IReadOnlyList<TweetVersion> Versions,
    IReadOnlyList<StatusChange> History,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> EditChain,
    Suspicion? Suspect,
    Archiver.Sources.TweetCounts? LastCounts,
    Snapshot? Latest,
    TweetLinks Links,
    bool Complete,
    PartialState? Partial)
{
    /// <summary>Why the last check found nothing usable, in words (null after a check that got an answer).</summary>
    public string? LastError { get; init; }

    /// <summary>The cited short links that led to this tweet, hop by hop with headers (each body at its <c>raw/</c> blob).</summary>
    public IReadOnlyList<ShortLinkRecord> ShortLinks { get; init; } = [];

    /// <summary>After <c>POST /api/tweets/{id}/recheck</c>: what this check came to, and why.</summary>
    public CheckOutcome? Check { get; init; }

    public static TweetView Of(TweetState state, Snapshot? latest) => new(
        state.TweetId,
        state.ScreenName,
        state.Status,
        state.Reason is { } reason ? EnumNames.Of(reason) : null,
        state.FirstSeenAt,
        state.LastArchivedAt,
        state.LastCheckedAt,
        state.NextCheckAt,
        state.Versions,
        state.History,
        state.Related,
        state.EditChain,
        state.Suspect,
        state.LastCounts,
        latest,
        new TweetLinks(
            $"/api/tweets/{state.TweetId}",
            latest is null ? null : $"/api/tweets/{state.TweetId}/snapshots/{latest.Version}",
            latest is null ? null : $"/api/tweets/{state.TweetId}/bundle",
            state.Versions.Count > 1 ? $"/api/tweets/{state.TweetId}/diff" : null,
            latest?.Files.Select(f => $"/api/tweets/{state.TweetId}/media/{f.File}").Distinct().ToArray() ?? []),
        state.Latest is not null && state.Partial is null,
        state.Partial)
    {
        LastError = state.LastError,
        ShortLinks = state.ShortLinks,
    };
}

/// <summary>One check's result: <c>archived</c>, <c>unavailable</c> (with its reason) or <c>pending</c> (with the error and the next check).</summary>
public sealed record CheckOutcome(CitationOutcome Outcome, string? Reason, string? Error, DateTimeOffset? NextCheckAt);

public sealed record TweetLinks(string Self, string? Snapshot, string? Bundle, string? Diff, IReadOnlyList<string> Media);

/// <summary>A page of archived tweets.</summary>
public sealed record TweetListView(IReadOnlyList<TweetSummary> Tweets, string? ContinuationToken);

public sealed record TweetSummary(string TweetId, string? ScreenName, TweetStatus Status, DateTimeOffset? LastCheckedAt, int Versions, string Self);

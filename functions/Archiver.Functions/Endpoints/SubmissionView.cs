using Archiver.Archive;
using Archiver.Citations;

namespace Archiver.Functions.Endpoints;

/// <summary>A submission as the API shows it: each citation (DESIGN's shape) with its outcome and links.</summary>
/// <remarks>An article that cites nothing is answered without being stored: no <c>id</c>, no <c>self</c>.</remarks>
public sealed record SubmissionView(
    string? Id,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CompletedAt,
    string? Self,
    [property: System.Text.Json.Serialization.JsonPropertyName("count")] int Total,
    IReadOnlyDictionary<string, int> Counts,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<CitationView> Citations)
{
    /// <summary>The article's page, when it was submitted by its address.</summary>
    public ArticlePage? Article { get; init; }

    /// <param name="nextRun">When the timer next runs: pending citations are tried again then.</param>
    public static SubmissionView Of(Submission submission, DateTimeOffset? nextRun)
    {
        var next = submission.HasPendingWork ? nextRun : null;
        return new(
            submission.Id,
            submission.HasPendingWork ? "pending" : "complete",
            submission.ReceivedAt,
            submission.CompletedAt,
            $"/api/submissions/{submission.Id}",
            submission.Citations.Count,
            Count(submission.Citations),
            next,
            [.. submission.Citations.Select(c => CitationView.Of(c, next))])
        {
            Article = submission.Article,
        };
    }

    /// <summary>An article that cites nothing: answered, never stored.</summary>
    public static SubmissionView Empty(DateTimeOffset at) => new(null, "complete", at, at, null, 0, Count([]), null, []);

    /// <summary>How many citations have each outcome, every outcome named (zeros included).</summary>
    public static IReadOnlyDictionary<string, int> Count(IEnumerable<CitationResult> citations)
    {
        var counts = Enum.GetValues<CitationOutcome>().ToDictionary(o => EnumNames.Of(o), _ => 0);
        foreach (var citation in citations)
        {
            counts[EnumNames.Of(citation.Outcome)]++;
        }

        return counts;
    }
}

/// <summary>A page of submissions, newest first.</summary>
public sealed record SubmissionListView(IReadOnlyList<SubmissionView> Submissions, string? ContinuationToken);

public sealed record CitationView
{
    public required string? TweetId { get; init; }

    public required string? ScreenName { get; init; }

    public required string? Url { get; init; }

    public required string? ShortLink { get; init; }

    public required EmbedInfo? Embed { get; init; }

    public required IReadOnlyList<Occurrence> Occurrences { get; init; }

    public required CitationOutcome Outcome { get; init; }

    public string? Reason { get; init; }

    public string? Target { get; init; }

    public string? Error { get; init; }

    public string? Version { get; init; }

    /// <summary>pending: when the next attempt is due (the error says why it is needed).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>partial: what the capture lacks and why, one line each (the timer goes on completing it).</summary>
    public IReadOnlyList<string>? Missing { get; init; }

    /// <summary>The archived tweet: <c>/api/tweets/{id}</c>.</summary>
    public string? Tweet { get; init; }

    /// <summary>A short link: how it was resolved, hop by hop (null for other citations, and before it is tried).</summary>
    public ShortLinkView? Resolution { get; init; }

    public static CitationView Of(CitationResult result, DateTimeOffset? nextAttemptAt)
    {
        var id = result.TweetId ?? result.Citation.TweetId;
        return new CitationView
        {
            TweetId = id,
            ScreenName = result.Citation.ScreenName,
            Url = result.Citation.Url ?? (id is null ? null : $"https://x.com/{result.Citation.ScreenName ?? "i"}/status/{id}"),
            ShortLink = result.Citation.ShortLink,
            Embed = result.Citation.Embed,
            Occurrences = result.Citation.Occurrences,
            Outcome = result.Outcome,
            Reason = result.Reason,
            Target = result.Target,
            Error = result.Error,
            Version = result.Version,
            NextAttemptAt = result.Outcome == CitationOutcome.Pending ? nextAttemptAt : null,
            Missing = result.Missing,
            Tweet = result.Outcome is CitationOutcome.Archived or CitationOutcome.Partial && id is not null ? $"/api/tweets/{id}" : null,
            Resolution = result.Resolution is { } resolution ? ShortLinkView.Of(resolution) : null,
        };
    }
}

using Archiver.Citations;

namespace Archiver.Archive;

/// <summary>
/// One <c>POST /api/archive</c> request and what became of each citation it made. Stored before the answer is sent,
/// updated as each citation is finished, and finished by the timer when the request ran out of time.
/// </summary>
public sealed record Submission
{
    public required string Id { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Whether tweets archived within the freshness window are fetched again.</summary>
    public bool Refresh { get; init; }

    /// <summary>The article's page, when it was submitted by its address.</summary>
    public ArticlePage? Article { get; init; }

    public required IReadOnlyList<CitationResult> Citations { get; init; }

    public bool HasPendingWork => Citations.Any(c => c.Outcome == CitationOutcome.Pending);
}

/// <summary>A citation and its outcome.</summary>
public sealed record CitationResult
{
    public required Citation Citation { get; init; }

    public required CitationOutcome Outcome { get; init; }

    /// <summary>The tweet it was found to be (a short link resolved), when known.</summary>
    public string? TweetId { get; init; }

    /// <summary>unavailable: deleted, suspended, protected, age_restricted, withheld or not_found.</summary>
    public string? Reason { get; init; }

    /// <summary>not_a_tweet: where the link leads.</summary>
    public string? Target { get; init; }

    /// <summary>failed and pending: what went wrong; unresolved: why the tweet stays unidentified.</summary>
    public string? Error { get; init; }

    /// <summary>archived and partial: the latest snapshot's version.</summary>
    public string? Version { get; init; }

    /// <summary>partial: what the capture lacks and why, one line each.</summary>
    public IReadOnlyList<string>? Missing { get; init; }

    /// <summary>A short link's resolution, hop by hop with headers and raw bodies (the latest attempt's); null for other citations.</summary>
    public ShortLinkRecord? Resolution { get; init; }

    /// <summary>How many times the work was tried (pending work gives up after a limit).</summary>
    public int Attempts { get; init; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnumConverter<CitationOutcome>))]
public enum CitationOutcome
{
    Pending,
    Archived,
    /// <summary>Stored, but the capture lacks something (a source or a media file failed); the timer completes it.</summary>
    Partial,
    Unavailable,
    Unresolved,
    NotATweet,
    Failed,
}

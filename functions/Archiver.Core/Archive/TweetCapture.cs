using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>What one attempt to archive one tweet came to.</summary>
public sealed record TweetCapture
{
    public required string TweetId { get; init; }

    public required CitationOutcome Outcome { get; init; }

    /// <summary>The latest snapshot's version when archived.</summary>
    public string? Version { get; init; }

    /// <summary>True when the archive already held a fresh capture and nothing was fetched.</summary>
    public bool Reused { get; init; }

    /// <summary>True when this attempt wrote a new snapshot version.</summary>
    public bool NewVersion { get; init; }

    public Unavailability? Reason { get; init; }

    public string? Error { get; init; }

    /// <summary>Partial: what the latest version's capture lacks and why, one line each.</summary>
    public IReadOnlyList<string>? Missing { get; init; }
}

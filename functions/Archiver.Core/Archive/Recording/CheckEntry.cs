using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>One line of a tweet's check log (<c>tweets/{id}/checks.jsonl</c>): what a check saw, counters included.</summary>
public sealed record CheckEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary><c>found</c>, <c>unavailable:{reason}</c> or <c>failed</c>.</summary>
    public required string Result { get; init; }

    public string? Source { get; init; }

    public int? HttpStatus { get; init; }

    public TweetCounts? Counts { get; init; }

    public string? ContentHash { get; init; }

    /// <summary>Set when this check wrote a new version.</summary>
    public string? NewVersion { get; init; }

    public string? Error { get; init; }

    /// <summary>
    /// For a found tweet, what the capture was to the latest version: <c>new_version</c>, <c>completion</c> (a fuller
    /// capture of the same version), <c>unchanged</c>, or <c>poorer</c> (a poorer source than the version's; never a version).
    /// </summary>
    public string? Decision { get; init; }

    /// <summary>The source of the captured tweet.</summary>
    public string? TweetSource { get; init; }

    /// <summary>What this capture lacked (parts, and files by role and index), when partial.</summary>
    public IReadOnlyList<string>? Missing { get; init; }
}

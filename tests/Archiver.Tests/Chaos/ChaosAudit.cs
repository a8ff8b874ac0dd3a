namespace Archiver.Tests.Chaos;

/// <summary>
/// What a chaos run found in the archive at one point, rule by rule: each list holds one line per breach, naming the
/// tweet and what happened, empty when the rule held.
/// </summary>
public sealed record ChaosAudit
{
    /// <summary>Snapshot versions in the archive, over every tweet.</summary>
    public required int Versions { get; init; }

    /// <summary>Tweets with more versions than upstream changes (each line: the versions and how they differ).</summary>
    public required IReadOnlyList<string> FalseVersions { get; init; }

    /// <summary>Tweets whose latest version lacks a file the upstream serves, or holds other bytes.</summary>
    public required IReadOnlyList<string> LacksMedia { get; init; }

    /// <summary>Tweets that exist upstream but whose status or history says gone (or suspected gone).</summary>
    public required IReadOnlyList<string> FalseGone { get; init; }

    /// <summary>Snapshot blobs no state lists, versions whose blob is not there, and snapshots still pending in a state.</summary>
    public required IReadOnlyList<string> Orphans { get; init; }

    /// <summary>Real changes recorded exactly once (one line each).</summary>
    public required IReadOnlyList<string> ChangesRecorded { get; init; }

    /// <summary>Real changes not recorded, or recorded more than once.</summary>
    public required IReadOnlyList<string> ChangesMissed { get; init; }

    public int FalseVersionCount { get; init; }
}

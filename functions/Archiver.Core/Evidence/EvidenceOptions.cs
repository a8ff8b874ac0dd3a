using System.ComponentModel.DataAnnotations;

namespace Archiver.Evidence;

/// <summary>Settings of section <c>Archiver:Evidence</c>: the Time-Stamp Authority that dates every snapshot.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Archiver:Evidence";

    /// <summary>The RFC 3161 Time-Stamp Authority asked for a token over each new snapshot; none (no timestamps) when unset.</summary>
    public Uri? TimestampAuthorityUrl { get; set; }

    /// <summary>How long one request to the authority may take; past it the snapshot waits for the timer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TimestampTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Snapshots still waiting for a token that one <c>RecheckLinks</c> run asks for at most.</summary>
    [Range(1, 10_000)]
    public int TimestampRetriesPerRun { get; set; } = 100;
}

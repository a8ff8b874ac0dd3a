using Archiver.Archive;

namespace Archiver.Recheck;

/// <summary>What one run of re-checks did, for the host's invocation log.</summary>
public sealed record RecheckSummary
{
    public int Due { get; init; }

    public int Checked { get; init; }

    public int Available { get; init; }

    public int Unavailable { get; init; }

    public int Failed { get; init; }

    public int NewVersions { get; init; }

    public int Busy { get; init; }

    public bool StoppedByBudget { get; init; }

    /// <summary>Snapshots that waited for their RFC 3161 timestamp and got it in this run.</summary>
    public int Timestamped { get; init; }

    public RecheckSummary Count(TweetCapture capture) => this with
    {
        Checked = Checked + 1,
        Available = Available + (capture.Outcome == CitationOutcome.Archived ? 1 : 0),
        Unavailable = Unavailable + (capture.Outcome == CitationOutcome.Unavailable ? 1 : 0),
        Failed = Failed + (capture.Outcome is CitationOutcome.Pending or CitationOutcome.Failed ? 1 : 0),
        NewVersions = NewVersions + (capture.NewVersion ? 1 : 0),
    };

    public override string ToString() =>
        $"{Due} tweet(s) due; checked {Checked}: {Available} seen, {Unavailable} unavailable, {Failed} failed, {NewVersions} new version(s); {Busy} handled by another run{(StoppedByBudget ? "; stopped at the time budget" : "")}{(Timestamped > 0 ? $"; {Timestamped} snapshot(s) timestamped" : "")}.";
}

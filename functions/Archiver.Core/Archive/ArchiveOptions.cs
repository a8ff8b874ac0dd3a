using System.ComponentModel.DataAnnotations;

namespace Archiver.Archive;

/// <summary>Settings of section <c>Archiver:Archive</c>: how archiving requests behave.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archiver:Archive";

    /// <summary>How long <c>POST /api/archive</c> works before it answers 202 and leaves the rest to the timer.
    /// Kept well under the Azure front end's 230 s limit.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:03:00", ErrorMessage = "Archiver:Archive:TimeBudget must be between 0 and 3 minutes (the front end cuts HTTP calls at 230 s).")]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A tweet archived this recently is not fetched again unless <c>?refresh=true</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan FreshnessWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many times pending work is tried before it is reported failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How many citations of one submission are worked on at once. Each one's requests follow one another, so it takes
    /// several citations per upstream host to keep that host's <c>MaxConcurrencyPerHost</c> slots busy; the per-host
    /// limits, not this, are what protect the upstream.
    /// </summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 16;

    /// <summary>
    /// Most citations one submission may carry; a longer article is refused (413) before anything is fetched, so one
    /// request cannot make the app send thousands of requests to X.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxCitations { get; set; } = 500;

    /// <summary>
    /// Waits before each immediate retry of what a partial capture lacks, within the request's time budget (a longer
    /// <c>Retry-After</c> from the host, up to <c>Archiver:Upstream:MaxRetryAfter</c>, is waited instead). Comma-separated.
    /// </summary>
    public TimeSpan[] PartialRetryDelays { get; set; } = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>
    /// After those, the timer's retries of a partial capture: successive waits until it is complete or every missing
    /// part has a conclusive answer; then the re-check cadence takes over. Comma-separated.
    /// </summary>
    public TimeSpan[] PartialRetryIntervals { get; set; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2)];

    /// <summary>How deep quoted and parent tweets are followed (each archived as its own tweet).</summary>
    [Range(0, 3)]
    public int RelatedDepth { get; set; } = 1;
}

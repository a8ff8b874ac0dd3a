using System.ComponentModel.DataAnnotations;

namespace Archiver.Recheck;

/// <summary>Settings of section <c>Archiver:Recheck</c> (DESIGN.md, "Configuration").</summary>
public sealed class RecheckOptions
{
    public const string Section = "Archiver:Recheck";

    public const string DefaultSchedule = "0 */15 * * * *";

    /// <summary>NCRONTAB (6 fields, UTC) of the RecheckLinks timer.</summary>
    [Required]
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>Successive waits between checks of one tweet; configured as one comma-separated value or one key per position.</summary>
    public TimeSpan[] Intervals { get; set; } =
        [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>Consistent "gone" answers needed before a tweet is declared gone.</summary>
    [Range(1, 10)]
    public int ConfirmChecks { get; set; } = 2;

    /// <summary>Least time between those answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ConfirmSpacing { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most tweets one run re-checks.</summary>
    [Range(1, 100_000)]
    public int MaxPerRun { get; set; } = 500;

    /// <summary>
    /// How long a re-check's claim on a tweet holds (1 s to 15 min). A check that dies (the process stopped) leaves
    /// its claim behind; until it expires, <c>POST /api/tweets/{id}/recheck</c> answers 409 <c>busy</c> with a
    /// <c>Retry-After</c>, and scheduled runs skip the tweet.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ClaimLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest one run works before it stops cleanly and leaves the rest to the next.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMinutes(4);
}

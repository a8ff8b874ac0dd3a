using System.ComponentModel.DataAnnotations;
using Archiver.Archive;

namespace Archiver.Recheck;

/// <summary>
/// The settings of section <c>Archiver:Recheck</c> that pick and run re-checks (DESIGN.md, "Configuration"). The
/// section's cadence and confirmation keys (<c>Intervals</c>, <c>ConfirmChecks</c>, <c>ConfirmSpacing</c>) are read
/// where each check is recorded, as <see cref="StatusPolicyOptions"/>.
/// </summary>
public sealed class RecheckOptions
{
    /// <summary>The one section both options classes bind.</summary>
    public const string Section = StatusPolicyOptions.Section;

    public const string DefaultSchedule = "0 */15 * * * *";

    /// <summary>NCRONTAB (6 fields, UTC) of the RecheckLinks timer.</summary>
    [Required]
    public string Schedule { get; set; } = DefaultSchedule;

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

using System.ComponentModel.DataAnnotations;

namespace Archiver.Archive;

/// <summary>
/// The settings of section <c>Archiver:Recheck</c> that recording a check reads (DESIGN.md, "Configuration"): the
/// cadence of a tweet's checks and how many consistent "gone" answers make a conclusion. The section's other keys
/// (the timer's schedule, the bounds of a run, claims) belong to the runs that pick and start re-checks (<c>Recheck/</c>).
/// </summary>
public sealed class StatusPolicyOptions
{
    public const string Section = "Archiver:Recheck";

    /// <summary>Successive waits between checks of one tweet; configured as one comma-separated value or one key per position.</summary>
    public TimeSpan[] Intervals { get; set; } =
        [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>Consistent "gone" answers needed before a tweet (or a media file) is declared gone.</summary>
    [Range(1, 10)]
    public int ConfirmChecks { get; set; } = 2;

    /// <summary>Least time between those answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ConfirmSpacing { get; set; } = TimeSpan.FromHours(1);
}

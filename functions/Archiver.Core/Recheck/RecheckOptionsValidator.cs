using Cronos;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

/// <summary>The rules of <see cref="RecheckOptions"/> that attributes cannot say.</summary>
internal sealed class RecheckOptionsValidator : IValidateOptions<RecheckOptions>
{
    public ValidateOptionsResult Validate(string? name, RecheckOptions options)
    {
        var failures = new List<string>();
        if (options.Intervals.Length == 0)
        {
            failures.Add($"{RecheckIntervals.Key} must hold at least one interval.");
        }
        else if (options.Intervals.Any(i => i <= TimeSpan.Zero))
        {
            failures.Add($"{RecheckIntervals.Key} must hold intervals longer than zero. Set: '{string.Join(",", options.Intervals)}'.");
        }

        var fields = options.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            failures.Add($"{RecheckOptions.Section}:{nameof(RecheckOptions.Schedule)} is not an NCRONTAB schedule (six fields, seconds first) such as '{RecheckOptions.DefaultSchedule}': {e.Message} Set: '{options.Schedule}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

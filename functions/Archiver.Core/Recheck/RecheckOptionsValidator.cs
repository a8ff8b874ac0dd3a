using Cronos;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

/// <summary>The rules of <see cref="RecheckOptions"/> that attributes cannot say.</summary>
internal sealed class RecheckOptionsValidator : IValidateOptions<RecheckOptions>
{
    public ValidateOptionsResult Validate(string? name, RecheckOptions options)
    {
        var fields = options.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return ValidateOptionsResult.Success;
        }
        catch (CronFormatException e)
        {
            return ValidateOptionsResult.Fail($"{RecheckOptions.Section}:{nameof(RecheckOptions.Schedule)} is not an NCRONTAB schedule (six fields, seconds first) such as '{RecheckOptions.DefaultSchedule}': {e.Message} Set: '{options.Schedule}'.");
        }
    }
}

using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>The rules of <see cref="StatusPolicyOptions"/> that attributes cannot say.</summary>
internal sealed class StatusPolicyOptionsValidator : IValidateOptions<StatusPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusPolicyOptions options)
    {
        if (options.Intervals.Length == 0)
        {
            return ValidateOptionsResult.Fail($"{StatusPolicyIntervals.Key} must hold at least one interval.");
        }

        return options.Intervals.Any(i => i <= TimeSpan.Zero)
            ? ValidateOptionsResult.Fail($"{StatusPolicyIntervals.Key} must hold intervals longer than zero. Set: '{string.Join(",", options.Intervals)}'.")
            : ValidateOptionsResult.Success;
    }
}

using Cronos;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

/// <summary>When the RecheckLinks timer next runs: the next attempt at pending work that outlived its request.</summary>
public sealed class RecheckSchedule(IOptions<RecheckOptions> options, TimeProvider time)
{
    public DateTimeOffset? NextRun()
    {
        var fields = options.Value.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            var format = fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            return CronExpression.Parse(string.Join(' ', fields), format).GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
        }
        catch (CronFormatException)
        {
            // The timer refuses such a schedule at start; there is then no next run to tell.
            return null;
        }
    }
}

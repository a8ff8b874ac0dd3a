using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Archiver.Functions.Timers;

/// <summary>A timer function's NCRONTAB schedule (six fields, UTC), resolved from its <c>[TimerTrigger]</c> as the host would.</summary>
public sealed class TimerSchedule
{
    private readonly CronExpression expression;

    private TimerSchedule(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public string Text { get; }

    public DateTimeOffset? NextAfter(DateTimeOffset instant) => expression.GetNextOccurrence(instant.ToUniversalTime(), TimeZoneInfo.Utc);

    /// <summary>
    /// Resolves a trigger's schedule: <c>%Name%</c> is looked up in configuration (an app setting written with
    /// <c>__</c> is the same key as with <c>:</c>); an undefined setting is a problem, as it is for the host.
    /// </summary>
    public static bool TryResolve(string declared, IConfiguration configuration, [NotNullWhen(true)] out TimerSchedule? schedule, [NotNullWhen(false)] out string? problem)
    {
        var text = declared.Trim();
        if (text.Length > 2 && text[0] == '%' && text[^1] == '%')
        {
            var setting = text[1..^1];
            if ((configuration[setting.Replace("__", ":", StringComparison.Ordinal)] ?? configuration[setting]) is not { } value)
            {
                schedule = null;
                problem = $"the schedule names the setting {setting}, which is not defined.";
                return false;
            }

            text = value;
        }

        return TryParse(text, out schedule, out problem);
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out TimerSchedule? schedule, [NotNullWhen(false)] out string? problem)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            var format = fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            schedule = new TimerSchedule(text, CronExpression.Parse(string.Join(' ', fields), format));
            problem = null;
            return true;
        }
        catch (CronFormatException e)
        {
            schedule = null;
            problem = $"'{text}' is not an NCRONTAB schedule: {e.Message}";
            return false;
        }
    }
}

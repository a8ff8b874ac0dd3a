using Archiver.Settings;
using Microsoft.Extensions.Configuration;

namespace Archiver.Archive;

/// <summary>Reads <c>Archiver:Recheck:Intervals</c> in either documented form (see <see cref="TimeSpanListSetting"/>).</summary>
internal static class StatusPolicyIntervals
{
    public const string Key = StatusPolicyOptions.Section + ":" + nameof(StatusPolicyOptions.Intervals);

    public static void Apply(StatusPolicyOptions options, IConfiguration configuration) =>
        options.Intervals = TimeSpanListSetting.Read(configuration, Key) ?? options.Intervals;
}

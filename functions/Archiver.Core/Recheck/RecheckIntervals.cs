using Archiver.Settings;
using Microsoft.Extensions.Configuration;

namespace Archiver.Recheck;

/// <summary>Reads <c>Archiver:Recheck:Intervals</c> in either documented form (see <see cref="TimeSpanListSetting"/>).</summary>
internal static class RecheckIntervals
{
    public const string Key = RecheckOptions.Section + ":" + nameof(RecheckOptions.Intervals);

    public static void Apply(RecheckOptions options, IConfiguration configuration) =>
        options.Intervals = TimeSpanListSetting.Read(configuration, Key) ?? options.Intervals;
}

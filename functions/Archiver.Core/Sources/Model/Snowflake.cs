using System.Globalization;

namespace Archiver.Sources;

/// <summary>The creation time a tweet id carries: since 2010-11-04 ids are snowflakes, <c>(id &gt;&gt; 22) + 1288834974657</c> ms.</summary>
internal static class Snowflake
{
    /// <summary>Twitter's snowflake epoch, 2010-11-04T01:42:54.657Z, in Unix milliseconds.</summary>
    public const long EpochMilliseconds = 1288834974657;

    /// <summary>
    /// Ids below this are the sequential ids from before snowflakes (the last ones were just under 3×10^10) and carry no
    /// time; the formula would put them within seconds of the epoch.
    /// </summary>
    public const long FirstSnowflakeId = 30_000_000_000;

    /// <summary>The instant encoded in a snowflake id; false for pre-snowflake ids and for anything that is not a decimal id.</summary>
    public static bool TryGetTimestamp(string? id, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrEmpty(id)
            || !id.All(char.IsAsciiDigit)
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < FirstSnowflakeId)
        {
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeMilliseconds((value >> 22) + EpochMilliseconds);
        return true;
    }
}

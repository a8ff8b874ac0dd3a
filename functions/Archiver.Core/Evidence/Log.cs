using Microsoft.Extensions.Logging;

namespace Archiver.Evidence;

internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Snapshot {Blob} timestamped by {Authority} at {GenTime}")]
    public static partial void Timestamped(ILogger logger, string blob, string authority, DateTimeOffset genTime);

    [LoggerMessage(6002, LogLevel.Warning, "Snapshot {Blob} not yet timestamped: {Error}; the timer tries again")]
    public static partial void NotTimestamped(ILogger logger, string blob, string error);
}

namespace Archiver.Functions;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Error, "Unhandled exception on {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(2101, LogLevel.Information, "Timer {Function} fired by the standalone scheduler; next run at {Next}")]
    public static partial void TimerFired(ILogger logger, string function, DateTimeOffset next);

    [LoggerMessage(2102, LogLevel.Error, "Timer {Function} failed")]
    public static partial void TimerFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(2103, LogLevel.Information, "Standalone scheduler: {Function} on '{Schedule}', first run at {Next}")]
    public static partial void TimerScheduled(ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(2201, LogLevel.Error, "Background work on submission {SubmissionId} failed; the timer takes it up")]
    public static partial void BackgroundSubmissionFailed(ILogger logger, string submissionId, Exception exception);

    [LoggerMessage(2104, LogLevel.Information, "Timer {Function}: {Line}")]
    public static partial void TimerLog(ILogger logger, string function, string line);
}

using Microsoft.Extensions.Logging;

namespace Archiver.Archive;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Archive container {Container} is ready")]
    public static partial void ContainerReady(ILogger logger, string container);

    /// <summary>Expected while storage starts: one line, no stack trace.</summary>
    [LoggerMessage(1002, LogLevel.Warning, "Archive container {Container} could not be created yet ({Failure}); retrying in {Delay}")]
    public static partial void ContainerNotReady(ILogger logger, string container, string failure, TimeSpan delay);

    [LoggerMessage(1101, LogLevel.Information, "Tweet {TweetId}: related tweet {RelatedId} {Outcome}")]
    public static partial void RelatedCaptured(ILogger logger, string tweetId, string relatedId, string outcome);
}

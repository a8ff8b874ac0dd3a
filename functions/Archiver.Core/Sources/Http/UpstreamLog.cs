using Microsoft.Extensions.Logging;

namespace Archiver.Sources;

/// <summary>Log events of the upstream side of Sources (3001–3099).</summary>
internal static partial class UpstreamLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Refused {Endpoint} request: host {Host} is not on the upstream allow-list")]
    public static partial void HostRefused(ILogger logger, string endpoint, string host);

    /// <summary>An expected failure: one line, no stack trace. It is transient, never a deletion, and tried again later.</summary>
    [LoggerMessage(3002, LogLevel.Warning, "No answer from {Host} for {Endpoint}: {Error}; counted as transient (never as a deletion), tried again later")]
    public static partial void NoAnswer(ILogger logger, string endpoint, string host, string error);

    [LoggerMessage(3006, LogLevel.Warning, "Circuit for {Host} opened for {BreakDuration}: calls to it fail at once until then, and the tweets wait")]
    public static partial void CircuitOpened(ILogger logger, string host, TimeSpan breakDuration);

    [LoggerMessage(3003, LogLevel.Information, "Short link {Code} resolved to {Target} in {Hops} hop(s)")]
    public static partial void ShortLinkResolved(ILogger logger, string code, string target, int hops);

    [LoggerMessage(3004, LogLevel.Information, "Tweet {TweetId} fetched: {Summary}")]
    public static partial void TweetFetched(ILogger logger, string tweetId, string summary);

    [LoggerMessage(3005, LogLevel.Warning, "Media {Url} not downloaded: {Failure} ({Error})")]
    public static partial void MediaFailed(ILogger logger, string url, MediaFailure failure, string error);
}

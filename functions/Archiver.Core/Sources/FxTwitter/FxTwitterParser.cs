using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// Reads an <c>api.fxtwitter.com</c> response: the v1 envelope <c>{code, message, tweet}</c> (200 <c>OK</c>, 401
/// <c>PRIVATE_TWEET</c>, 404 <c>NOT_FOUND</c>, 500 <c>API_FAIL</c>, 503 <c>UPSTREAM_UNAVAILABLE</c>) and the v2 one
/// <c>{code, status}</c>, including its tombstone <c>{type: "tombstone", reason, message}</c>. A 401 or 404 without
/// FxTwitter's own message (a missing User-Agent, an unknown route, a proxy's page) is a failure, not an answer.
/// </summary>
internal static class FxTwitterParser
{
    public const string SourceName = "fxtwitter";

    public static SourceOutcome Parse(UpstreamExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (UpstreamResponse.Unreadable(exchange) is { } unreadable)
        {
            return UpstreamResponse.Failed(SourceName, exchange, unreadable);
        }

        if (exchange.Status is not (200 or 401 or 404))
        {
            return UpstreamResponse.Failed(SourceName, exchange, UpstreamResponse.DescribeStatus(exchange));
        }

        if (!UpstreamResponse.TryParseJson(exchange, out var document, out var error))
        {
            return UpstreamResponse.Failed(SourceName, exchange, error);
        }

        using (document)
        {
            return ParseBody(exchange, document.RootElement);
        }
    }

    /// <summary>
    /// A v2 tombstone's <c>reason</c>: <c>private</c> and <c>blocked</c> (the author keeps the reader out) are
    /// <see cref="Unavailability.Protected"/>; <c>unavailable</c> is <see cref="Unavailability.NotFound"/>; anything
    /// else is read from the message by <see cref="TombstoneWording"/>.
    /// </summary>
    public static Unavailability ClassifyTombstone(string? reason, string? message) =>
        reason?.ToLowerInvariant() switch
        {
            "deleted" => Unavailability.Deleted,
            "suspended" => Unavailability.Suspended,
            "private" or "blocked" => Unavailability.Protected,
            "unavailable" => Unavailability.NotFound,
            _ => TombstoneWording.Classify(message),
        };

    private static SourceOutcome ParseBody(UpstreamExchange exchange, JsonElement root)
    {
        var message = root.GetStringOrNull("message");
        var status = root.GetObjectOrNull("status");
        var tweet = root.GetObjectOrNull("tweet") ?? status;
        if (tweet is { } t && t.GetStringOrNull("type") == "tombstone")
        {
            var wording = t.GetStringOrNull("message");
            return UpstreamResponse.Unavailable(SourceName, exchange, ClassifyTombstone(t.GetStringOrNull("reason"), wording), wording);
        }

        switch (exchange.Status, message)
        {
            case (401, "PRIVATE_TWEET"):
                return UpstreamResponse.Unavailable(SourceName, exchange, Unavailability.Protected, message);
            case (404, "NOT_FOUND"):
                return UpstreamResponse.Unavailable(SourceName, exchange, Unavailability.NotFound, message);
            case (not 200, _):
                return UpstreamResponse.Failed(SourceName, exchange, UpstreamResponse.DescribeStatus(exchange));
        }

        if (tweet is null)
        {
            return UpstreamResponse.Failed(SourceName, exchange, $"HTTP 200 without a tweet{(message is null ? "" : $" ({message})")}.");
        }

        return FxTwitterTweetReader.Read(tweet.Value) is { } data
            ? UpstreamResponse.Found(SourceName, exchange, data)
            : UpstreamResponse.Failed(SourceName, exchange, "HTTP 200 with a tweet that has no id.");
    }
}

using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// Reads a <c>cdn.syndication.twimg.com/tweet-result</c> response. react-tweet's decision order, made defensive:
/// <list type="number">
/// <item>no answer, 429, 5xx or any other unexpected status: <see cref="SourceFailed"/>;</item>
/// <item>404: <see cref="TweetUnavailable"/> <see cref="Unavailability.NotFound"/> (an HTML 404 from an endpoint that
/// otherwise answers JSON may be a block; the caller weighs it, see reference 1.8);</item>
/// <item>200 that is cut at the size cap, not JSON, not parsable, <c>{}</c> (missing token or throttled) or of an unknown <c>__typename</c>:
/// <see cref="SourceFailed"/>, never evidence of deletion;</item>
/// <item>200 <c>TweetTombstone</c>: <see cref="TweetUnavailable"/> classified by <see cref="TombstoneWording"/>;</item>
/// <item>200 <c>Tweet</c>: <see cref="TweetFound"/>, with a null author when <c>user</c> is missing.</item>
/// </list>
/// </summary>
internal static class SyndicationParser
{
    public const string SourceName = "syndication";

    public const string EmptyObject = "HTTP 200 with an empty object {}: the token was missing or rejected, or the caller is throttled.";

    public static SourceOutcome Parse(UpstreamExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (UpstreamResponse.Unreadable(exchange) is { } unreadable)
        {
            return UpstreamResponse.Failed(SourceName, exchange, unreadable);
        }

        switch (exchange.Status)
        {
            case 404:
                return UpstreamResponse.Unavailable(SourceName, exchange, Unavailability.NotFound, wording: null);
            case not 200:
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

    private static SourceOutcome ParseBody(UpstreamExchange exchange, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return UpstreamResponse.Failed(SourceName, exchange, $"HTTP 200 with a JSON {root.ValueKind} where an object was expected.");
        }

        if (!root.EnumerateObject().Any())
        {
            return UpstreamResponse.Failed(SourceName, exchange, EmptyObject);
        }

        var typename = root.GetStringOrNull("__typename");
        if (typename == "TweetTombstone")
        {
            var wording = TombstoneText(root);
            return UpstreamResponse.Unavailable(SourceName, exchange, TombstoneWording.Classify(wording), wording);
        }

        // Some observed bodies have no __typename; a body with an id and a text is still a tweet.
        var looksLikeTweet = typename == "Tweet"
            || (typename is null && root.GetStringOrNull("id_str") is not null && root.GetStringOrNull("text") is not null);
        if (!looksLikeTweet)
        {
            return UpstreamResponse.Failed(SourceName, exchange, typename is null
                ? $"HTTP 200 with neither a __typename nor a tweet{(UpstreamResponse.ErrorMessage(root) is { } message ? $" ({message})" : "")}."
                : $"HTTP 200 with an unknown __typename '{typename}'.");
        }

        return SyndicationTweetReader.Read(root) is { } tweet
            ? UpstreamResponse.Found(SourceName, exchange, tweet)
            : UpstreamResponse.Failed(SourceName, exchange, "HTTP 200 with a Tweet that has no id_str.");
    }

    /// <summary><c>tombstone.text.text</c>, or <c>tombstone.text</c> when it is a plain string; null for a bare or empty tombstone.</summary>
    private static string? TombstoneText(JsonElement root)
    {
        var tombstone = root.GetObjectOrNull("tombstone");
        var text = tombstone?.GetObjectOrNull("text")?.GetStringOrNull("text") ?? tombstone?.GetStringOrNull("text");
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Archiver.Sources;

/// <summary>The checks every parser makes before trusting a body, and the outcomes built from an exchange.</summary>
internal static class UpstreamResponse
{
    public const string NoResponse = "No response (timeout or connection failure).";

    /// <summary>True for <c>application/json</c> and <c>*/*+json</c>, with or without parameters.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return false;
        }

        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why no answer can be read at all (no status: timeout, connection failure); null when there is a status.</summary>
    public static string? Unreadable(UpstreamExchange exchange) =>
        exchange.Status is null ? NoResponse : null;

    /// <summary>
    /// Parses a body the caller expects to be JSON; the error says why it is not (a body cut at the size cap, another
    /// content type, invalid JSON). Only answers whose body matters are read: a 404 is a 404 however its body ends.
    /// </summary>
    public static bool TryParseJson(UpstreamExchange exchange, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out string? error)
    {
        document = null;
        if (exchange.Truncated)
        {
            error = $"HTTP {exchange.Status}: the body was cut at the size cap ({exchange.Body.Length} bytes kept).";
            return false;
        }

        if (!IsJson(exchange.ContentType))
        {
            error = $"HTTP {exchange.Status} with content type '{exchange.ContentType ?? "none"}' where JSON was expected.";
            return false;
        }

        try
        {
            document = JsonDocument.Parse(exchange.Body);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"HTTP {exchange.Status}: the body is not valid JSON ({e.Message})";
            return false;
        }
    }

    /// <summary>Parses the body when it says it is JSON and is; null otherwise (error bodies are read only for their message).</summary>
    public static JsonDocument? TryParseJsonQuietly(UpstreamExchange exchange) =>
        TryParseJson(exchange, out var document, out _) ? document : null;

    /// <summary>The message an error body carries: <c>error</c>, <c>message</c>, or the first of <c>errors[].message</c>.</summary>
    public static string? ErrorMessage(JsonElement root) =>
        root.GetStringOrNull("error")
        ?? root.EnumerateArrayOrEmpty("errors").Select(e => e.GetStringOrNull("message")).FirstOrDefault(m => m is not null)
        ?? root.GetStringOrNull("message");

    /// <summary>A status that is not the source's answer about the tweet: 429, 5xx, and anything unexpected.</summary>
    public static string DescribeStatus(UpstreamExchange exchange)
    {
        using var document = TryParseJsonQuietly(exchange);
        var message = document is null ? null : ErrorMessage(document.RootElement);
        var kind = exchange.Status switch
        {
            429 => "throttled",
            >= 500 => "upstream error",
            _ => "unexpected status",
        };
        return message is null ? $"HTTP {exchange.Status}: {kind}." : $"HTTP {exchange.Status}: {kind} ({message}).";
    }

    public static SourceFailed Failed(string source, UpstreamExchange exchange, string error) =>
        new() { Source = source, Evidence = [exchange], Error = error };

    public static TweetUnavailable Unavailable(string source, UpstreamExchange exchange, Unavailability reason, string? wording) =>
        new() { Source = source, Evidence = [exchange], Reason = reason, Wording = wording };

    public static TweetFound Found(string source, UpstreamExchange exchange, TweetData tweet, string? embedHtml = null) =>
        new() { Source = source, Evidence = [exchange], Tweet = tweet, EmbedHtml = embedHtml };
}

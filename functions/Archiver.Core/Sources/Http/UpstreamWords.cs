using System.Globalization;
using System.Net.Sockets;

namespace Archiver.Sources;

/// <summary>Upstream hosts and failures said in words a newsroom reads: who could not be reached, and why.</summary>
internal static class UpstreamWords
{
    public static string Name(string host) => host.ToLowerInvariant() switch
    {
        "t.co" => "X's short-link service (t.co)",
        "cdn.syndication.twimg.com" => "X's syndication service (cdn.syndication.twimg.com)",
        "publish.twitter.com" or "publish.x.com" => $"X's embed service ({host.ToLowerInvariant()})",
        "api.fxtwitter.com" => "FxTwitter (api.fxtwitter.com)",
        "pbs.twimg.com" => "X's image server (pbs.twimg.com)",
        "video.twimg.com" => "X's video server (video.twimg.com)",
        "abs.twimg.com" => "X's static file server (abs.twimg.com)",
        var other => $"X ({other})",
    };

    /// <summary>Why a request to <paramref name="host"/> got no answer, as one sentence without a final stop.</summary>
    public static string NoAnswer(string host, Exception exception, DateTimeOffset? circuitOpenUntil = null) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException => $"{Name(host)} did not answer in time",
        Polly.CircuitBreaker.BrokenCircuitException => circuitOpenUntil is { } until
            ? $"{Name(host)} failed repeatedly, so this server rests it until {Clock(until)}"
            : $"{Name(host)} failed repeatedly, so this server rests it for a while",
        Polly.RateLimiting.RateLimiterRejectedException => $"too many requests to {Name(host)} are queued on this server",
        HttpRequestException { StatusCode: { } status } => $"{Name(host)} answered HTTP {(int)status}",
        HttpRequestException e => $"{Name(host)} could not be reached from this server: {Why(e)}",
        OperationCanceledException => $"{Name(host)} did not answer in time",
        _ => $"{Name(host)} could not be reached from this server: {exception.Message}",
    };

    /// <summary>A status that says "not now": 429 or 5xx.</summary>
    public static string Status(string host, int status, TimeSpan? retryAfter = null) => status switch
    {
        429 when retryAfter is { } wait => $"{Name(host)} is rate-limiting this server (HTTP 429) for {Span(wait)}",
        429 => $"{Name(host)} is rate-limiting this server (HTTP 429)",
        >= 500 => $"{Name(host)} had a server error (HTTP {status})",
        _ => $"{Name(host)} answered HTTP {status}",
    };

    /// <summary>
    /// A source's failure named by the host that failed: "X's syndication service (…): HTTP 503: upstream error." A
    /// failure that already names its host (no answer at all) is kept as it is.
    /// </summary>
    public static string SourceFailure(string source, string? url, string error)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"{source}: {error}";
        }

        var name = Name(uri.IdnHost);
        return error.StartsWith(name, StringComparison.Ordinal) ? error : $"{name}: {error}";
    }

    /// <summary>A UTC instant as the page and the messages write it: <c>14:05:09 UTC</c>.</summary>
    public static string Clock(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds)} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalMinutes)} min");

    private static string Why(HttpRequestException e)
    {
        var socket = (e.InnerException as SocketException) ?? (e.InnerException?.InnerException as SocketException);
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "name resolution failed",
            _ when socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "name resolution failed",
            HttpRequestError.SecureConnectionError => "the secure connection (TLS) failed",
            HttpRequestError.ResponseEnded => "the answer broke off",
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused => "the connection was refused",
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.HostUnreachable || socket?.SocketErrorCode == SocketError.NetworkUnreachable => "no route to the host",
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.TimedOut => "the connection timed out",
            HttpRequestError.ConnectionError when e.InnerException is null => e.Message,
            HttpRequestError.ConnectionError => $"the connection failed ({socket?.SocketErrorCode.ToString() ?? e.InnerException!.Message})",
            _ => e.Message,
        };
    }
}

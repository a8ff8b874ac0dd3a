using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Archiver.Sources;

/// <summary>
/// The one door to X/Twitter: checks the allow-list, maps the host (HostMap), sends the non-browser User-Agent through the
/// per-host resilience pipeline, caps and hashes the body, and records the real URL. Upstream failures never throw: they
/// come back as an exchange without a status. Redirects are not followed here; callers follow them hop by hop.
/// </summary>
internal sealed class UpstreamClient(
    HttpClient http,
    UpstreamHosts hosts,
    UpstreamHealth health,
    IOptions<UpstreamOptions> options,
    TimeProvider time,
    ILogger<UpstreamClient> logger)
{
    /// <summary>The name of the HttpClient (and of its resilience pipeline) used for every upstream call.</summary>
    public const string HttpClientName = "Archiver.Upstream";

    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>
    /// Asks <paramref name="realUrl"/> (through HostMap when configured) and returns the answer as evidence: status, content
    /// type, body up to <see cref="UpstreamOptions.MaxJsonBytes"/> with its SHA-256, the time from the injected clock. A
    /// refused host, a timeout, an open circuit or a connection failure gives a null status and an empty body.
    /// </summary>
    public async Task<UpstreamExchange> GetAsync(string endpoint, Uri realUrl, HttpMethod? method, CancellationToken cancellationToken) =>
        (await SendAsync(endpoint, realUrl, method, cancellationToken)).Exchange;

    internal async Task<UpstreamAnswer> SendAsync(string endpoint, Uri realUrl, HttpMethod? method, CancellationToken cancellationToken)
    {
        if (!hosts.TryMap(realUrl, out var requestUrl))
        {
            return Refused(endpoint, realUrl);
        }

        using var request = NewRequest(endpoint, method ?? HttpMethod.Get, realUrl, requestUrl);
        request.Options.Set(UpstreamRequest.BodyLimit, options.Value.MaxJsonBytes);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var truncated = request.Options.TryGetValue(UpstreamRequest.Truncated, out var cut) && cut;
            Observe(realUrl, response);
            return new UpstreamAnswer
            {
                Exchange = Exchange(endpoint, realUrl, response, body, truncated),
                Location = LocationOf(response, realUrl),
            };
        }
        catch (Exception e) when (IsUpstreamFailure(e, cancellationToken))
        {
            return NoAnswer(endpoint, realUrl, e);
        }
    }

    /// <summary>
    /// Asks <paramref name="realUrl"/> for a body the caller streams (media): the response is handed over unread and the
    /// caller disposes it. The exchange carries no body. Response is null when no answer came.
    /// </summary>
    internal async Task<(UpstreamAnswer Answer, HttpResponseMessage? Response)> OpenAsync(string endpoint, Uri realUrl, CancellationToken cancellationToken)
    {
        if (!hosts.TryMap(realUrl, out var requestUrl))
        {
            return (Refused(endpoint, realUrl), null);
        }

        using var request = NewRequest(endpoint, HttpMethod.Get, realUrl, requestUrl);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            Observe(realUrl, response);
            var answer = new UpstreamAnswer
            {
                Exchange = Exchange(endpoint, realUrl, response, [], truncated: false),
                Location = LocationOf(response, realUrl),
            };
            return (answer, response);
        }
        catch (Exception e) when (IsUpstreamFailure(e, cancellationToken))
        {
            return (NoAnswer(endpoint, realUrl, e), null);
        }
    }

    /// <summary>
    /// Asks <paramref name="realUrl"/> and follows redirects by hand among allow-listed hosts, at most
    /// <see cref="UpstreamOptions.MaxRedirects"/> hops. Every answer is returned, the last one being the final.
    /// </summary>
    internal async Task<IReadOnlyList<UpstreamAnswer>> SendFollowingAsync(string endpoint, Uri realUrl, CancellationToken cancellationToken)
    {
        var answers = new List<UpstreamAnswer>();
        var next = realUrl;
        for (var hop = 0; ; hop++)
        {
            var answer = await SendAsync(endpoint, next, HttpMethod.Get, cancellationToken);
            answers.Add(answer);
            if (!answer.IsRedirect || hop >= options.Value.MaxRedirects || !UpstreamHosts.IsAllowed(answer.Location!))
            {
                return answers;
            }

            next = answer.Location!;
        }
    }

    private HttpRequestMessage NewRequest(string endpoint, HttpMethod method, Uri realUrl, Uri requestUrl)
    {
        var request = new HttpRequestMessage(method, requestUrl);
        request.Options.Set(UpstreamRequest.Host, realUrl.IdnHost.ToLowerInvariant());
        request.Options.Set(UpstreamRequest.Endpoint, endpoint);
        request.Headers.TryAddWithoutValidation("User-Agent", options.Value.UserAgent);
        return request;
    }

    private UpstreamExchange Exchange(string endpoint, Uri realUrl, HttpResponseMessage response, byte[] body, bool truncated) => new()
    {
        Endpoint = endpoint,
        Url = realUrl.AbsoluteUri,
        Status = (int)response.StatusCode,
        ContentType = response.Content.Headers.ContentType?.ToString(),
        Location = LocationOf(response, realUrl)?.OriginalString,
        At = time.GetUtcNow(),
        Body = body,
        Truncated = truncated,
        RetryAfter = Sources.RetryAfter.Of(response, time),
        Sha256 = body.Length == 0 ? EmptySha256 : Convert.ToHexStringLower(SHA256.HashData(body)),
        Http = Record(realUrl, response),
    };

    /// <summary>
    /// The exchange as the client sent and saw it, on the real host's terms: <c>Host</c> is the real authority (a host
    /// map's loopback address never shows), then the headers the request carried when it left (the handler's
    /// <c>Accept-Encoding</c> included), and every response header. Bodies are decoded as they arrive, so the
    /// <c>Content-Encoding</c> and <c>Content-Length</c> of the encoded body are not among them. Secrets are replaced.
    /// </summary>
    private static Evidence.HttpRecord Record(Uri realUrl, HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        var sent = new List<Evidence.HeaderField> { new("Host", realUrl.IsDefaultPort ? realUrl.IdnHost : $"{realUrl.IdnHost}:{realUrl.Port}") };
        if (request is not null)
        {
            sent.AddRange(request.Headers.Where(h => !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).SelectMany(Lines));
        }

        var received = response.Headers.Concat(response.Content.Headers).SelectMany(Lines).ToList();
        return new Evidence.HttpRecord
        {
            Method = request?.Method.Method ?? "GET",
            Url = realUrl.AbsoluteUri,
            HttpVersion = response.Version.Major >= 2 ? $"HTTP/{response.Version.Major}" : $"HTTP/{response.Version.Major}.{response.Version.Minor}",
            RequestHeaders = sent,
            Status = (int)response.StatusCode,
            Reason = response.ReasonPhrase,
            ResponseHeaders = received,
        };
    }

    /// <summary>A header as lines on the wire: one per <c>Set-Cookie</c>, else its values joined as HTTP joins them.</summary>
    private static IEnumerable<Evidence.HeaderField> Lines(KeyValuePair<string, IEnumerable<string>> header) =>
        header.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
            ? header.Value.Select(v => Evidence.HeaderField.Redacted(header.Key, v))
            : [Evidence.HeaderField.Redacted(header.Key, string.Join(header.Key is "User-Agent" or "Server" ? " " : ", ", header.Value))];

    private UpstreamAnswer Refused(string endpoint, Uri realUrl)
    {
        UpstreamLog.HostRefused(logger, endpoint, realUrl.IsAbsoluteUri ? realUrl.IdnHost : realUrl.OriginalString);
        return new UpstreamAnswer
        {
            Exchange = Empty(endpoint, realUrl),
            Error = $"refused: {(realUrl.IsAbsoluteUri ? realUrl.IdnHost : realUrl.OriginalString)} is not an allowed upstream host",
            Refused = true,
        };
    }

    /// <summary>Tells <see cref="UpstreamHealth"/> what the host answered: a 429 is a rate limit, a 5xx a failure, anything else a success.</summary>
    private void Observe(Uri realUrl, HttpResponseMessage response)
    {
        var host = realUrl.IdnHost;
        var status = (int)response.StatusCode;
        if (status == 429)
        {
            var wait = RetryAfter.Of(response, time);
            health.RateLimited(host, wait, UpstreamWords.Status(host, status, wait));
        }
        else if (status >= 500)
        {
            health.Failed(host, UpstreamWords.Status(host, status));
        }
        else
        {
            health.Succeeded(host);
        }
    }

    private UpstreamAnswer NoAnswer(string endpoint, Uri realUrl, Exception exception)
    {
        var host = realUrl.IdnHost;
        var error = UpstreamWords.NoAnswer(host, exception, health.State(host).CircuitOpenUntil);
        if (exception is not Polly.CircuitBreaker.BrokenCircuitException)
        {
            // An open circuit says nothing new about the host; the failures that opened it are the news.
            health.Failed(host, error);
        }

        UpstreamLog.NoAnswer(logger, endpoint, realUrl.IdnHost, error);
        return new UpstreamAnswer { Exchange = Empty(endpoint, realUrl), Error = error };
    }

    private UpstreamExchange Empty(string endpoint, Uri realUrl) => new()
    {
        Endpoint = endpoint,
        Url = realUrl.IsAbsoluteUri ? realUrl.AbsoluteUri : realUrl.OriginalString,
        Status = null,
        At = time.GetUtcNow(),
        Sha256 = EmptySha256,
    };

    private static Uri? LocationOf(HttpResponseMessage response, Uri realUrl) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location
        : new Uri(realUrl, location);

    private static bool IsUpstreamFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or ExecutionRejectedException or OperationCanceledException or IOException;

}

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions.Errors;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Articles;

/// <summary>
/// Fetches an article submitted by its address, guarded: http(s) only, no user info; every connection (redirects
/// included, at most <see cref="MaxRedirects"/>) to public addresses only, checked after DNS by
/// <see cref="ArticleConnector"/>; the body capped at <see cref="ArticleOptions.MaxBodyBytes"/>, the whole fetch at
/// <see cref="ArticleOptions.FetchTimeout"/>; HTML, plain text or Markdown only. Every refusal says why.
/// </summary>
public sealed class ArticlePageFetcher(IHttpClientFactory factory, IOptions<ArticleOptions> options, TimeProvider time)
{
    public const string HttpClientName = "Archiver.Articles";

    public const int MaxRedirects = 5;

    private const string UserAgent = "Archiver/0.1 (+https://archiver.invalid/about; article fetch for tweet archiving)";

    public async Task<ArticleReadResult> FetchAsync(string address, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var url) || WhyNotWeb(url) is { } invalid)
        {
            return Refuse(StatusCodes.Status400BadRequest, "invalid_url",
                $"'{Shorten(address)}' cannot be fetched: {(url is null ? "it is not an absolute address" : WhyNotWeb(url))}. Give an http:// or https:// address.");
        }

        using var timeout = new CancellationTokenSource(options.Value.FetchTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var http = factory.CreateClient(HttpClientName);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (WhyNotWeb(next) is { } why)
                    {
                        return Refuse(StatusCodes.Status400BadRequest, "url_refused", $"{url.AbsoluteUri} redirects to '{Shorten(next.OriginalString)}', which is not followed: {why}.");
                    }

                    if (hop >= MaxRedirects)
                    {
                        return Refuse(StatusCodes.Status422UnprocessableEntity, "url_fetch_failed", $"{url.AbsoluteUri} redirects more than {MaxRedirects} times.");
                    }

                    current = next;
                    continue;
                }

                return await ReadPageAsync(url, current, response, linked.Token);
            }
        }
        catch (HttpRequestException e) when (e.InnerException is ArticleAddressRefusedException refused)
        {
            var via = current == url ? "" : $" (redirected from {url.AbsoluteUri})";
            return Refuse(StatusCodes.Status400BadRequest, "url_refused", $"Refused to fetch {current.AbsoluteUri}{via}: {refused.Message}. Only public addresses are fetched.");
        }
        catch (HttpRequestException e)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "url_fetch_failed", $"{current.AbsoluteUri} could not be fetched: {Words(e)}.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "url_fetch_failed", $"{current.AbsoluteUri} did not send the page within {options.Value.FetchTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task<ArticleReadResult> ReadPageAsync(Uri url, Uri final, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 300)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "url_fetch_failed", $"{final.AbsoluteUri} answered HTTP {status}, not a page.");
        }

        var contentType = response.Content.Headers.ContentType;
        if (FormatOf(contentType?.MediaType) is not { } format)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "unsupported_page_type",
                $"{final.AbsoluteUri} is {(contentType?.MediaType is { } type ? $"'{type}'" : "of no stated type")}; only HTML, plain text and Markdown pages are read.");
        }

        var limit = options.Value.MaxBodyBytes;
        var body = response.Content.Headers.ContentLength > limit ? null : await ReadCappedAsync(response.Content, limit, cancellationToken);
        if (body is null)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "page_too_large", $"{final.AbsoluteUri} is larger than the limit of {limit} bytes.");
        }

        if (!TryDecode(body, contentType?.CharSet, out var text))
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "unsupported_charset", $"{final.AbsoluteUri} is in charset '{contentType?.CharSet}', which this server cannot decode.");
        }

        var page = new ArticlePage
        {
            Url = url.AbsoluteUri,
            FinalUrl = final.AbsoluteUri,
            Status = status,
            FetchedAt = time.GetUtcNow(),
            ContentType = contentType?.ToString(),
            Bytes = body.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
        };
        return new ArticleReadResult(new Article(text, format, new FetchedPage(page, body)), null);
    }

    /// <summary>Why <paramref name="url"/> is not an address to fetch (a reason without a final stop); null when it is one.</summary>
    private static string? WhyNotWeb(Uri url) =>
        url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps ? $"only http and https are fetched, not {url.Scheme}"
        : !string.IsNullOrEmpty(url.UserInfo) ? "addresses with a user name or password are not fetched"
        : null;

    private static ArticleFormat? FormatOf(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "text/html" or "application/xhtml+xml" => ArticleFormat.Html,
        "text/plain" => ArticleFormat.Text,
        "text/markdown" or "text/x-markdown" => ArticleFormat.Markdown,
        _ => null,
    };

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool TryDecode(byte[] body, string? charset, out string text)
    {
        text = "";
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrWhiteSpace(charset) ? new UTF8Encoding(false) : Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return false;
        }

        using var reader = new StreamReader(new MemoryStream(body), encoding, detectEncodingFromByteOrderMarks: true);
        text = reader.ReadToEnd();
        return true;
    }

    private static string Words(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "name resolution failed",
        HttpRequestError.SecureConnectionError => "the secure connection (TLS) failed",
        HttpRequestError.ConnectionError => "the connection failed",
        HttpRequestError.ResponseEnded => "the answer broke off",
        _ => e.Message,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static ArticleReadResult Refuse(int status, string code, string message) =>
        new(null, ApiErrors.Create(status, code, message));
}

using System.Text;
using Archiver.Citations;
using Archiver.Functions.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Archiver.Functions.Articles;

/// <summary>
/// Reads an article out of a request body: <c>text/plain</c>, <c>text/html</c>, <c>text/markdown</c>, or JSON
/// <c>{"text"|"html"|"markdown"|"url": "…"}</c>, honouring the charset, within the size limit. Every refusal says why.
/// </summary>
public sealed class ArticleReader(IOptions<ArticleOptions> options, ArticlePageFetcher fetcher)
{
    public async Task<ArticleReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the article as text/plain, text/html, text/markdown or application/json; the request has no Content-Type.");
        }

        if (!TryGetFormat(mediaType, out var format))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Content-Type '{mediaType}' is not accepted; send text/plain, text/html, text/markdown or application/json.");
        }

        if (!ArticleCharsets.TryGet(contentType.Charset.Value, out var encoding))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_charset",
                $"The charset '{contentType.Charset.Value}' is not one this server decodes. {ArticleCharsets.Accepted}");
        }

        var limit = options.Value.MaxBodyBytes;
        var body = await ReadBodyAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The article is larger than the limit of {limit} bytes.");
        }

        ArticleReadResult result;
        if (format is { } plain)
        {
            result = new ArticleReadResult(new Article(Decode(body, encoding), plain), null);
        }
        else
        {
            var (read, url, code, problem) = ArticleJson.Read(Decode(body, encoding));
            result = read is not null ? new ArticleReadResult(read, null)
                : url is not null ? await fetcher.FetchAsync(url, cancellationToken)
                : Refuse(StatusCodes.Status400BadRequest, code!, problem!);
        }

        return result.Succeeded && string.IsNullOrWhiteSpace(result.Article.Text)
            ? Refuse(StatusCodes.Status400BadRequest, "empty_article", "The article is empty: send its text, HTML or Markdown in the body.")
            : result;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // This reader enforces the limit itself (and words the 413); the server's own default must not cut in first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] body, Encoding encoding)
    {
        // A byte-order mark outranks the declared charset, as browsers do.
        using var reader = new StreamReader(new MemoryStream(body), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The article format a media type names; a null format means JSON, which names it per member.</summary>
    private static bool TryGetFormat(string mediaType, out ArticleFormat? format)
    {
        format = mediaType.ToLowerInvariant() switch
        {
            "text/plain" => ArticleFormat.Text,
            "text/html" or "application/xhtml+xml" => ArticleFormat.Html,
            "text/markdown" or "text/x-markdown" => ArticleFormat.Markdown,
            _ => null,
        };
        return format is not null || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    private static ArticleReadResult Refuse(int status, string code, string message) =>
        new(null, ApiErrors.Create(status, code, message));
}

using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Archiver.Citations;
using Archiver.Functions.Errors;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Archiver.Functions.Articles;

/// <summary>
/// Reads an article out of a request body: <c>text/plain</c>, <c>text/html</c>, <c>text/markdown</c>, or JSON
/// <c>{"text"|"html"|"markdown": "…"}</c>, honouring the charset, within the size limit. Every refusal says why.
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

        if (!TryGetEncoding(contentType.Charset.Value, out var encoding))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_charset",
                $"The charset '{contentType.Charset.Value}' is not one this server can decode.");
        }

        var limit = options.Value.MaxBodyBytes;
        var body = await ReadBodyAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The article is larger than the limit of {limit} bytes.");
        }

        if (format is { } plain)
        {
            return new ArticleReadResult(new Article(Decode(body, encoding), plain), null);
        }

        return await ReadJsonAsync(Decode(body, encoding), cancellationToken);
    }

    private async Task<ArticleReadResult> ReadJsonAsync(string json, CancellationToken cancellationToken)
    {
        ArticleRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, FunctionsJsonContext.Default.ArticleRequest);
        }
        catch (JsonException e)
        {
            return Refuse(StatusCodes.Status400BadRequest, "malformed_json", $"The body is not valid JSON: {e.Message}");
        }

        var given = new (string? Value, ArticleFormat? Format)[] { (parsed?.Text, ArticleFormat.Text), (parsed?.Html, ArticleFormat.Html), (parsed?.Markdown, ArticleFormat.Markdown), (parsed?.Url, null) }
            .Where(member => member.Value is not null)
            .ToArray();
        if (given.Length != 1)
        {
            return Refuse(StatusCodes.Status400BadRequest, "invalid_article",
                "The JSON body must hold exactly one of \"text\", \"html\", \"markdown\" or \"url\" as a string.");
        }

        return given[0].Format is { } format
            ? new ArticleReadResult(new Article(given[0].Value!, format), null)
            : await fetcher.FetchAsync(given[0].Value!, cancellationToken);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
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

    private static bool TryGetEncoding(string? charset, [NotNullWhen(true)] out Encoding? encoding)
    {
        encoding = null;
        if (string.IsNullOrWhiteSpace(charset))
        {
            encoding = new UTF8Encoding(false);
            return true;
        }

        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"', ' '));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ArticleReadResult Refuse(int status, string code, string message) =>
        new(null, ApiErrors.Create(status, code, message));
}

using System.Collections.Frozen;
using System.Security.Cryptography;
using Archiver.Functions.Errors;
using Archiver.Functions.Downloads;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// <c>GET /api/app/{*path}</c>: the page for people (App/ — index.html, app.js, app.css), embedded in the assembly and
/// served without a key; the page asks for the key itself when an API call answers 401. Every answer carries a strict
/// Content-Security-Policy: nothing is loaded from outside the app, and no inline script runs.
/// </summary>
public static class AppApi
{
    /// <summary>The policy standalone, where media and downloads stream from the app itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; style-src 'self'; script-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private const string ResourcePrefix = "App/";

    private static readonly FrozenDictionary<string, Asset> Assets = LoadAssets();

    internal static Results<FileContentHttpResult, RedirectHttpResult, JsonHttpResult<ApiError>> GetAsset(
        string? path, HttpContext context, BlobDownloads downloads, BlobServiceClient blobs)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PolicyFor(downloads, blobs);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";

        if (string.IsNullOrEmpty(path))
        {
            // The page's relative asset URLs need the trailing slash: /api/app resolves app.js to /api/app.js.
            if (!context.Request.Path.Value!.EndsWith('/'))
            {
                return TypedResults.Redirect($"{context.Request.PathBase}{context.Request.Path}/{context.Request.QueryString}");
            }

            path = "index.html";
        }

        if (path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || path.StartsWith('/'))
        {
            return ApiErrors.BadRequest("invalid_path", $"'{path}' is not a path inside the app.");
        }

        if (!Assets.TryGetValue(path, out var asset))
        {
            return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"The app has no file '{path}'.");
        }

        headers.CacheControl = "no-cache";
        return TypedResults.File(asset.Bytes, asset.ContentType, entityTag: asset.ETag);
    }

    /// <summary>
    /// When downloads redirect (<c>Archiver:Downloads:Mode</c> <c>Redirect</c>), media answer 302 to a SAS URL on the
    /// blob endpoint, so images and video may come from there too; when they stream, only from the app.
    /// </summary>
    private static string PolicyFor(BlobDownloads downloads, BlobServiceClient blobs)
    {
        if (!downloads.Redirects)
        {
            return ContentSecurityPolicy;
        }

        var storage = blobs.Uri.GetLeftPart(UriPartial.Authority);
        return ContentSecurityPolicy
            .Replace("img-src 'self'", $"img-src 'self' {storage}", StringComparison.Ordinal)
            .Replace("media-src 'self'", $"media-src 'self' {storage}", StringComparison.Ordinal)
            .Replace("connect-src 'self'", $"connect-src 'self' {storage}", StringComparison.Ordinal);
    }

    private static FrozenDictionary<string, Asset> LoadAssets()
    {
        var assembly = typeof(AppApi).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
            assets[name[ResourcePrefix.Length..]] = new Asset(bytes, ContentTypeOf(name), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag);
}

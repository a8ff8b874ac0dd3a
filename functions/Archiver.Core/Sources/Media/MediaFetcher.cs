using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Sources;

/// <summary>
/// Streams a media file from upstream to a temporary file: never the whole file in memory, SHA-256 computed while
/// streaming, <see cref="UpstreamOptions.MaxMediaBytes"/> enforced (up front from Content-Length, and while reading), the
/// content type checked. On 404/410 the fallback URLs are tried in order.
/// </summary>
internal sealed class MediaFetcher(UpstreamClient client, IOptions<UpstreamOptions> options, TimeProvider time, ILogger<MediaFetcher> logger)
{
    public const string Endpoint = "media";

    private static readonly HashSet<string> ImageTypes = new(["image/jpeg", "image/png", "image/webp", "image/gif"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> VideoTypes = new(["video/mp4"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Downloads a tweet's photo (trying its fallbacks on 404), video or GIF (its mp4).</summary>
    public Task<MediaDownload> DownloadAsync(TweetMedia media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        var kind = media.Kind == MediaKind.Photo ? MediaContentKind.Image : MediaContentKind.Video;
        return DownloadAsync(media.Url, media.FallbackUrls, kind, cancellationToken);
    }

    /// <summary>Downloads <paramref name="url"/>, or on 404/410 each of <paramref name="fallbackUrls"/> in order.</summary>
    public async Task<MediaDownload> DownloadAsync(string url, IReadOnlyList<string> fallbackUrls, MediaContentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(fallbackUrls);
        var exchanges = new List<UpstreamExchange>();
        foreach (var candidate in (string[])[url, .. fallbackUrls])
        {
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri))
            {
                return Fail(candidate, exchanges, MediaFailure.Refused, $"'{candidate}' is not an absolute URL.");
            }

            var (answer, response) = await client.OpenAsync(Endpoint, uri, cancellationToken);
            exchanges.Add(answer.Exchange);
            if (response is null)
            {
                return Fail(candidate, exchanges, answer.Refused ? MediaFailure.Refused : MediaFailure.Transient, answer.Error ?? "No answer.");
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is 404 or 410)
                {
                    continue;
                }

                if (Check(response, kind) is { } problem)
                {
                    return Fail(candidate, exchanges, problem.Failure, problem.Error);
                }

                return await SaveAsync(candidate, response, exchanges, cancellationToken);
            }
        }

        return Fail(url, exchanges, MediaFailure.Gone, $"HTTP 404 for {url}{(fallbackUrls.Count > 0 ? $" and its {fallbackUrls.Count} fallback(s)" : "")}.");
    }

    private (MediaFailure Failure, string Error)? Check(HttpResponseMessage response, MediaContentKind kind)
    {
        var status = (int)response.StatusCode;
        if (status is 408 or 429 or >= 500)
        {
            return (MediaFailure.Transient, $"HTTP {status}.");
        }

        if (status is not (>= 200 and < 300))
        {
            return (MediaFailure.Refused, $"HTTP {status}.");
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        var expected = kind == MediaContentKind.Image ? ImageTypes : VideoTypes;
        if (contentType is null || !expected.Contains(contentType))
        {
            return (MediaFailure.WrongContentType, $"Content type '{contentType ?? "none"}' where {string.Join(" or ", expected)} was expected.");
        }

        if (response.Content.Headers.ContentLength > options.Value.MaxMediaBytes)
        {
            return (MediaFailure.TooLarge, $"Content-Length {response.Content.Headers.ContentLength} exceeds the cap of {options.Value.MaxMediaBytes} bytes.");
        }

        return null;
    }

    /// <summary>Copies the body to a temporary file, hashing as it goes; the file is deleted on any failure.</summary>
    private async Task<MediaDownload> SaveAsync(string url, HttpResponseMessage response, List<UpstreamExchange> exchanges, CancellationToken cancellationToken)
    {
        var folder = string.IsNullOrEmpty(options.Value.MediaTempDirectory) ? Path.GetTempPath() : options.Value.MediaTempDirectory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"archiver-media-{Guid.NewGuid():n}.part");
        var declared = response.Content.Headers.ContentLength;
        var max = options.Value.MaxMediaBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
                await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
                while (true)
                {
                    stall.CancelAfter(options.Value.AttemptTimeout);
                    var read = await body.ReadAsync(buffer, linked.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    size += read;
                    if (size > max)
                    {
                        File.Delete(path);
                        return Fail(url, exchanges, MediaFailure.TooLarge, $"The body passed the cap of {max} bytes; download aborted.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (declared is { } length && length != size)
            {
                File.Delete(path);
                return Fail(url, exchanges, MediaFailure.Transient, $"The body ended after {size} of {length} bytes.");
            }

            return new MediaDownload
            {
                FilePath = path,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
                Size = size,
                ContentType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant(),
                Url = url,
                Exchanges = exchanges,
            };
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            File.Delete(path);
            return Fail(url, exchanges, MediaFailure.Transient, $"The body broke off: {e.Message}");
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private MediaDownload Fail(string url, List<UpstreamExchange> exchanges, MediaFailure failure, string error)
    {
        UpstreamLog.MediaFailed(logger, url, failure, error);
        return new MediaDownload { Exchanges = exchanges, Failure = failure, Error = error, Url = url };
    }
}

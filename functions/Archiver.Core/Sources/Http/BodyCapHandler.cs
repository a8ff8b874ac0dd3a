using System.Buffers;
using System.Net.Http.Headers;

namespace Archiver.Sources;

/// <summary>
/// Sits inside the resilience pipeline and reads a JSON/HTML body within the attempt, up to
/// <see cref="UpstreamRequest.BodyLimit"/> bytes, so a stalled or reset body is an attempt failure (retried, timed out)
/// rather than a surprise after the pipeline has returned. Requests without a limit (media) pass through unread.
/// </summary>
internal sealed class BodyCapHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.Options.TryGetValue(UpstreamRequest.BodyLimit, out var limit))
        {
            return response;
        }

        try
        {
            var (body, truncated) = await ReadCappedAsync(response.Content, limit, cancellationToken);
            var content = new ByteArrayContent(body);
            CopyHeaders(response.Content.Headers, content.Headers);
            response.Content.Dispose();
            response.Content = content;
            request.Options.Set(UpstreamRequest.Truncated, truncated);
            return response;
        }
        catch (IOException e)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The body of {request.RequestUri?.IdnHost} broke off: {e.Message}", e);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                var want = (int)Math.Min(chunk.Length, (long)limit + 1 - buffer.Length);
                var read = await stream.ReadAsync(chunk.AsMemory(0, want), cancellationToken);
                if (read == 0)
                {
                    return (buffer.ToArray(), false);
                }

                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return (buffer.GetBuffer().AsSpan(0, limit).ToArray(), true);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void CopyHeaders(HttpContentHeaders from, HttpContentHeaders to)
    {
        foreach (var (name, values) in from)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                to.TryAddWithoutValidation(name, values);
            }
        }
    }
}

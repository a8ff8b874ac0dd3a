using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Archiver.Tests.Fakes;

/// <summary>Writes a <see cref="FakeReply"/>, misbehaviours included (delay, reset, chunked, lying Content-Length).</summary>
internal static class FakeReplyWriter
{
    public static async Task WriteAsync(HttpContext context, FakeReply reply)
    {
        var aborted = context.RequestAborted;
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, aborted);
            }

            if (reply.Reset)
            {
                context.Abort();
                return;
            }

            var response = context.Response;
            response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                response.Headers[name] = value;
            }

            if (reply.ContentType is not null)
            {
                response.ContentType = reply.ContentType;
            }

            var length = reply.GeneratedLength ?? reply.Body.Length;
            if (!reply.Chunked)
            {
                response.ContentLength = reply.DeclaredLength ?? length;
            }

            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            if (reply.GeneratedLength is { } generated)
            {
                await WriteGeneratedAsync(response, generated, aborted);
            }
            else if (reply.Body.Length > 0)
            {
                await response.Body.WriteAsync(reply.Body, aborted);
            }

            if (reply.DeclaredLength is { } declared && declared > length)
            {
                context.Abort();
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away (its timeout, or it stopped reading an oversized body).
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
        }
    }

    private static async Task WriteGeneratedAsync(HttpResponse response, long length, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (long position = 0; position < length;)
            {
                var count = (int)Math.Min(chunk.Length, length - position);
                for (var i = 0; i < count; i++)
                {
                    chunk[i] = FakeReply.GeneratedByte(position + i);
                }

                await response.Body.WriteAsync(chunk.AsMemory(0, count), cancellationToken);
                position += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}

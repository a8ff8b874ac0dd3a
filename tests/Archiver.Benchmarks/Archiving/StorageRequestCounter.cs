using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// Counts every HTTP request the blob client sends, by operation, with the time each took to answer, and the answers
/// that were lost races or already-there writes (409/412). Added per retry, so a retried request counts each time it
/// goes out.
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, StrongBox<(int Count, long Ticks)>> operations = new(StringComparer.Ordinal);
    private int conflicts;

    /// <summary>The counts so far; subtract an earlier snapshot to count one phase.</summary>
    public StorageRequests Snapshot()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (operation, box) in operations)
        {
            lock (box)
            {
                counts[operation] = box.Value.Count;
                times[operation] = Stopwatch.GetElapsedTime(0, box.Value.Ticks);
            }
        }

        return new StorageRequests(counts, Volatile.Read(ref conflicts)) { TimeByOperation = times };
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    private void Record(HttpMessage message, long started)
    {
        var elapsed = Stopwatch.GetTimestamp() - started;
        var box = operations.GetOrAdd(Operation(message.Request), _ => new StrongBox<(int, long)>());
        lock (box)
        {
            box.Value = (box.Value.Count + 1, box.Value.Ticks + elapsed);
        }

        if (message.HasResponse && message.Response.Status is 409 or 412)
        {
            Interlocked.Increment(ref conflicts);
        }
    }

    /// <summary>The Blob service operation a request is, from its method and <c>comp</c>/<c>restype</c>/<c>where</c>.</summary>
    private static string Operation(Request request)
    {
        var query = HttpUtility.ParseQueryString(request.Uri.Query);
        var method = request.Method.Method;
        return (method, query["comp"], query["restype"]) switch
        {
            (_, "blobs", _) when query["where"] is not null => "find blobs by tags",
            (_, "blobs", _) => "list blobs",
            ("PUT", "block", _) => "put block",
            ("PUT", "blocklist", _) => "put block list",
            ("PUT", "appendblock", _) => "append block",
            ("GET", "tags", _) => "get tags",
            ("PUT", "tags", _) => "set tags",
            (_, null, "container") => $"{method.ToLowerInvariant()} container",
            ("GET", null, null) => "get blob",
            ("PUT", null, null) => "put blob",
            ("HEAD", null, null) => "get blob properties",
            var (_, comp, restype) => $"{method.ToLowerInvariant()} {comp ?? restype ?? "blob"}",
        };
    }
}

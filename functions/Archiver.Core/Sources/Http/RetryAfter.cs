namespace Archiver.Sources;

/// <summary>Reads an answer's <c>Retry-After</c> (seconds or an HTTP date) against the injected clock.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

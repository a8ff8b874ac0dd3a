namespace Archiver.Sources;

/// <summary>What an upstream request carries through the handler chain in <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class UpstreamRequest
{
    /// <summary>The original (logical) upstream host; it keys the per-host pipeline, not the mapped authority.</summary>
    public static readonly HttpRequestOptionsKey<string> Host = new("Archiver.Upstream.Host");

    /// <summary>When set, the body is read inside the attempt, up to this many bytes (JSON and HTML answers).</summary>
    public static readonly HttpRequestOptionsKey<int> BodyLimit = new("Archiver.Upstream.BodyLimit");

    /// <summary>Set by <see cref="BodyCapHandler"/>: whether the last attempt's body was cut at the limit.</summary>
    public static readonly HttpRequestOptionsKey<bool> Truncated = new("Archiver.Upstream.Truncated");

    /// <summary>The source asking (<c>tco</c>, <c>syndication</c>, <c>oembed</c>, <c>fxtwitter</c>, <c>media</c>…): progress names it.</summary>
    public static readonly HttpRequestOptionsKey<string> Endpoint = new("Archiver.Upstream.Endpoint");

    /// <summary>Counted by <see cref="ProgressHandler"/>: how many attempts the pipeline has made so far.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("Archiver.Upstream.Attempts");

    /// <summary>The pipeline key of a request: its logical host.</summary>
    public static string HostOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Host, out var host) ? host : request.RequestUri?.IdnHost ?? "";
}

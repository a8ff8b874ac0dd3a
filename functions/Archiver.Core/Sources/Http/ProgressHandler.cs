using Archiver.Progress;

namespace Archiver.Sources;

/// <summary>Sits inside the resilience pipeline and reports each attempt as a <c>fetching</c> step: which source, which host, which try.</summary>
internal sealed class ProgressHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = (request.Options.TryGetValue(UpstreamRequest.Attempts, out var before) ? before : 0) + 1;
        request.Options.Set(UpstreamRequest.Attempts, attempt);
        ProgressScope.Report(new ProgressStep
        {
            Step = "fetching",
            Source = request.Options.TryGetValue(UpstreamRequest.Endpoint, out var endpoint) ? endpoint : null,
            Host = UpstreamRequest.HostOf(request),
            Attempt = attempt,
        });
        return base.SendAsync(request, cancellationToken);
    }
}

using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// A fault in the app's own storage pipeline: once a blob that <paramref name="stored"/> picks out has been written
/// (201), the next state write fails, as a crash between the two writes would.
/// </summary>
internal sealed class FailStateWriteAfter(Func<HttpMessage, bool> stored) : HttpPipelineSynchronousPolicy
{
    private int stage;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.EndsWith("/state.json", StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref stage, 2, 1) == 1)
        {
            throw new RequestFailedException(503, "injected storage failure");
        }
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Put && message.Response.Status == 201 && stored(message))
        {
            Interlocked.CompareExchange(ref stage, 1, 0);
        }
    }
}

using System.Net;

namespace Archiver.Functions.Articles;

/// <summary>
/// Test-only: host names that the article fetcher connects to at a loopback endpoint, skipping DNS and the address
/// check, so tests can serve an article from a fake host. Internal and bound to no setting: only a test host, which
/// sees internals, can register one; without it every address is checked.
/// </summary>
internal sealed class ArticleTestHosts(IReadOnlyDictionary<string, IPEndPoint> hosts)
{
    public IPEndPoint? EndPointOf(string host) => hosts.TryGetValue(host, out var endPoint) ? endPoint : null;
}

using System.Net;
using System.Net.Sockets;
using Archiver.Network;

namespace Archiver.Functions.Articles;

/// <summary>
/// The article fetcher's connect step: resolves the name, and refuses the connection when any address it resolves to
/// is not public (<see cref="NonPublicAddress"/>), so neither a DNS answer nor a redirect can lead the server inside
/// its own network. Runs for every connection, redirects included.
/// </summary>
internal sealed class ArticleConnector(IEnumerable<ArticleTestHosts> testHosts)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        if (testHosts.Select(t => t.EndPointOf(endPoint.Host)).OfType<IPEndPoint>().FirstOrDefault() is { } mapped)
        {
            return await ConnectAsync([mapped.Address], mapped.Port, cancellationToken);
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new HttpRequestException(HttpRequestError.NameResolutionError, $"the name {endPoint.Host} does not resolve ({e.SocketErrorCode})", e);
            }
        }

        foreach (var address in addresses)
        {
            if (NonPublicAddress.KindOf(address) is { } kind)
            {
                throw new ArticleAddressRefusedException(
                    literal is not null ? $"{address} is {kind}" : $"{endPoint.Host} resolves to {address}, {kind}");
            }
        }

        return await ConnectAsync(addresses, endPoint.Port, cancellationToken);
    }

    private static async Task<Stream> ConnectAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Archiver.Sources;

/// <summary>
/// The primary handler's connect step: resolves the host and refuses loopback, private, link-local and other
/// non-public addresses at connect time, so a DNS answer cannot point an allow-listed name inside the network.
/// Authorities named by HostMap are trusted configuration (the fake upstream lives on loopback).
/// </summary>
internal sealed class UpstreamConnector(UpstreamHosts hosts)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var trusted = hosts.MappedAuthorities.Contains($"{endPoint.Host}:{endPoint.Port}")
            || (endPoint.Port is 80 or 443 && hosts.MappedAuthorities.Contains(endPoint.Host));
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var usable = trusted ? addresses : addresses.Where(IsPublic).ToArray();
        if (usable.Length == 0)
        {
            throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"Refused to connect to {endPoint.Host}: it resolves to no public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private (RFC 1918, ULA), link-local, CGNAT, metadata, multicast and similar addresses.</summary>
    public static bool IsPublic(IPAddress address) => Archiver.Network.NonPublicAddress.IsPublic(address);
}

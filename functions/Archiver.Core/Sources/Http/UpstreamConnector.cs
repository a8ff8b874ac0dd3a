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

    /// <summary>False for loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast, unspecified and similar addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10
            || b[0] == 0
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
            || b[0] >= 224);
    }
}

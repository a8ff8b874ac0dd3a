using System.Net;
using System.Net.Sockets;

namespace Archiver.Network;

/// <summary>
/// Which addresses a server-side fetch must never connect to, and why, in words: loopback, private, link-local,
/// carrier-grade NAT, cloud metadata, multicast, reserved and documentation ranges, IPv6 unique-local and link-local,
/// and every IPv6 form that carries an IPv4 address (mapped, compatible, NAT64, 6to4) judged by the address it carries.
/// </summary>
public static class NonPublicAddress
{
    /// <summary>Null for a public address; otherwise what kind of address it is, e.g. "a loopback address".</summary>
    public static string? KindOf(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return KindOfV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an internet address";
        }

        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            return Carried("IPv4-mapped", b[12..]);
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return b[12..].AsSpan().IndexOfAnyExcept((byte)0) < 0 ? "the unspecified address"
                : b.AsSpan(12, 3).IndexOfAnyExcept((byte)0) < 0 && b[15] == 1 ? "a loopback address"
                : Carried("IPv4-compatible", b[12..]);
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return Carried("NAT64", b[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return Carried("6to4", b[2..6]);
        }

        return b switch
        {
            [0x20, 0x01, 0x00, 0x00, ..] => "a Teredo tunnel address (2001::/32)",
            [0x20, 0x01, 0x0d, 0xb8, ..] => "a documentation address (2001:db8::/32)",
            [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..] => "a discard-only address (100::/64)",
            [var first, ..] when (first & 0xFE) == 0xFC => "a unique local address (fc00::/7)",
            [0xFE, var second, ..] when (second & 0xC0) == 0x80 => "a link-local address (fe80::/10)",
            [0xFE, var second, ..] when (second & 0xC0) == 0xC0 => "a site-local address (fec0::/10)",
            [0xFF, ..] => "a multicast address",
            _ => null,
        };
    }

    public static bool IsPublic(IPAddress address) => KindOf(address) is null;

    private static string? Carried(string form, byte[] v4) =>
        KindOfV4(v4) is { } kind ? $"an {form} IPv6 form of {kind}" : null;

    private static string? KindOfV4(byte[] b) => b switch
    {
        [0, ..] => "a \"this network\" address (0.0.0.0/8)",
        [10, ..] => "a private address (10.0.0.0/8)",
        [100, var x, ..] when x is >= 64 and <= 127 => "a carrier-grade NAT address (100.64.0.0/10)",
        [127, ..] => "a loopback address",
        [169, 254, 169, 254] => "the cloud metadata address (169.254.169.254)",
        [169, 254, ..] => "a link-local address (169.254.0.0/16)",
        [172, var x, ..] when x is >= 16 and <= 31 => "a private address (172.16.0.0/12)",
        [192, 0, 0, ..] => "an IETF protocol address (192.0.0.0/24)",
        [192, 0, 2, ..] or [198, 51, 100, ..] or [203, 0, 113, ..] => "a documentation address",
        [192, 88, 99, ..] => "a 6to4 relay address (192.88.99.0/24)",
        [192, 168, ..] => "a private address (192.168.0.0/16)",
        [198, 18 or 19, ..] => "a benchmarking address (198.18.0.0/15)",
        [255, 255, 255, 255] => "the broadcast address",
        [var first, ..] when first >= 240 => "a reserved address (240.0.0.0/4)",
        [var first, ..] when first >= 224 => "a multicast address",
        _ => null,
    };
}

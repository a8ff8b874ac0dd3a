using System.Net;
using Archiver.Sources;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Sources.Http;

public sealed class UpstreamHostsTests
{
    private static UpstreamHosts Hosts(Dictionary<string, Uri>? map = null) =>
        new(Options.Create(new UpstreamOptions { HostMap = map ?? [] }));

    [Fact]
    public void TryMap_HostInHostMap_BaseUrlThenRealPathAndQuery()
    {
        var hosts = Hosts(new() { ["T.CO"] = new Uri("http://127.0.0.1:5000/t.co/") });

        Assert.True(hosts.TryMap(new Uri("https://t.co/Abc?x=1&y=%2F"), out var mapped));

        Assert.Equal("http://127.0.0.1:5000/t.co/Abc?x=1&y=%2F", mapped.AbsoluteUri);
    }

    [Fact]
    public void TryMap_UnmappedHttpUrl_RequestedOverHttps()
    {
        Assert.True(Hosts().TryMap(new Uri("http://Pbs.Twimg.com/media/K.jpg"), out var mapped));

        Assert.Equal("https://pbs.twimg.com/media/K.jpg", mapped.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("https://twimg.com/")]
    [InlineData("https://user:pw@x.com/")]
    [InlineData("ftp://x.com/")]
    [InlineData("https://[::1]/")]
    public void TryMap_NotAnAllowedUpstreamUrl_Refused(string url)
    {
        Assert.False(Hosts().TryMap(new Uri(url), out _));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("104.244.42.1", true)]
    [InlineData("2606:1f80::1", true)]
    public void IsPublic_Address_OnlyPublicOnesPass(string address, bool expected)
    {
        Assert.Equal(expected, UpstreamConnector.IsPublic(IPAddress.Parse(address)));
    }
}

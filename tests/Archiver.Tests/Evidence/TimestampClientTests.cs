using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Archiver.Evidence;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Evidence;

/// <summary>The RFC 3161 client against a fake authority on loopback that signs real tokens; checked by .NET and openssl.</summary>
public sealed class TimestampClientTests : IAsyncLifetime
{
    private FakeTimestampAuthority tsa = null!;

    public async ValueTask InitializeAsync() => tsa = await FakeTimestampAuthority.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await tsa.DisposeAsync();

    private ServiceProvider Services(string? url) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Archiver:Evidence:TimestampAuthorityUrl"] = url,
        }).Build())
        .AddEvidence()
        .AddSingleton(TimeProvider.System)
        .BuildServiceProvider();

    private static byte[] Hash(string text) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Request_AuthorityUp_ReplyHoldsATokenOverTheHashThatChainsToTheRoot()
    {
        using var services = Services(tsa.Url.AbsoluteUri);
        var hash = Hash("snapshot bytes");

        var reply = await services.GetRequiredService<TimestampClient>().RequestAsync(hash, TestContext.Current.CancellationToken);

        Assert.True(reply.Succeeded, reply.Error);
        Assert.Equal("CN=Archiver Test TSA", reply.Signer);
        Assert.Equal(1, tsa.Requests);
        var token = TimestampVerifier.TokenOf(reply.Response!);
        Assert.True(Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        Assert.True(decoded.TokenInfo.GetMessageHash().Span.SequenceEqual(hash));
        var verified = TimestampVerifier.Verify(reply.Response!, hash, [tsa.Root]);
        Assert.True(verified.Valid, verified.Detail);
        Assert.Equal(reply.GenTime, verified.GenTime);
    }

    [Fact]
    public async Task Verify_OtherHashOrOtherRoot_Fails()
    {
        using var services = Services(tsa.Url.AbsoluteUri);
        var reply = await services.GetRequiredService<TimestampClient>().RequestAsync(Hash("a"), TestContext.Current.CancellationToken);
        await using var other = await FakeTimestampAuthority.StartAsync(TestContext.Current.CancellationToken);

        var wrongHash = TimestampVerifier.Verify(reply.Response!, Hash("b"), [tsa.Root]);
        var wrongRoot = TimestampVerifier.Verify(reply.Response!, Hash("a"), [other.Root]);
        var flipped = reply.Response!.ToArray();
        flipped[^40] ^= 0x01;
        var tampered = TimestampVerifier.Verify(flipped, Hash("a"), [tsa.Root]);

        Assert.False(wrongHash.Valid);
        Assert.Contains("does not match the hash", wrongHash.Detail);
        Assert.False(wrongRoot.Valid);
        Assert.Contains("does not chain", wrongRoot.Detail);
        Assert.False(tampered.Valid);
    }

    [Fact]
    public async Task Reply_VerifiesWithOpensslTs()
    {
        using var services = Services(tsa.Url.AbsoluteUri);
        var hash = Hash("snapshot for openssl");
        var reply = await services.GetRequiredService<TimestampClient>().RequestAsync(hash, TestContext.Current.CancellationToken);
        var folder = Directory.CreateTempSubdirectory("archiver-tsr-");
        try
        {
            var tsr = Path.Combine(folder.FullName, "snapshot.tsr");
            var root = Path.Combine(folder.FullName, "root.pem");
            await File.WriteAllBytesAsync(tsr, reply.Response!, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(root, tsa.RootPem, TestContext.Current.CancellationToken);

            var ok = await ExternalTool.RunAsync("openssl", ["ts", "-verify", "-in", tsr, "-digest", Convert.ToHexStringLower(hash), "-CAfile", root], cancellationToken: TestContext.Current.CancellationToken);
            var wrong = await ExternalTool.RunAsync("openssl", ["ts", "-verify", "-in", tsr, "-digest", Convert.ToHexStringLower(Hash("other")), "-CAfile", root], cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(ok.ExitCode == 0 && ok.Output.Contains("Verification: OK"), ok.ToString());
            Assert.NotEqual(0, wrong.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(FakeTimestampAuthority.Mode.Down, "the authority answered HTTP 503")]
    [InlineData(FakeTimestampAuthority.Mode.Garbage, "the authority's reply is not a valid timestamp for this request")]
    public async Task Request_AuthorityFails_AnswersWhyWithoutThrowing(FakeTimestampAuthority.Mode mode, string error)
    {
        using var services = Services(tsa.Url.AbsoluteUri);
        tsa.Behaviour = mode;

        var reply = await services.GetRequiredService<TimestampClient>().RequestAsync(Hash("x"), TestContext.Current.CancellationToken);

        Assert.False(reply.Succeeded);
        Assert.Null(reply.Response);
        Assert.StartsWith(error, reply.Error);
    }

    [Fact]
    public async Task Request_NothingListening_AnswersCouldNotBeReached()
    {
        using var services = Services("http://127.0.0.1:9/tsa");

        var reply = await services.GetRequiredService<TimestampClient>().RequestAsync(Hash("x"), TestContext.Current.CancellationToken);

        Assert.StartsWith("the authority could not be reached", reply.Error);
    }

    [Theory]
    [InlineData("/relative", "Archiver:Evidence:TimestampAuthorityUrl must be an absolute http(s) URL, not '/relative'.")]
    [InlineData("ftp://tsa.example/", "Archiver:Evidence:TimestampAuthorityUrl must be an absolute http(s) URL, not 'ftp://tsa.example/'.")]
    public void Options_BadAuthorityUrl_FailValidation(string url, string message)
    {
        using var services = Services(url);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EvidenceOptions>>().Value);

        Assert.Contains(message, failure.Failures);
    }

    [Fact]
    public void Options_Default_NoAuthority()
    {
        using var services = Services(null);

        Assert.False(services.GetRequiredService<TimestampClient>().Enabled);
    }
}

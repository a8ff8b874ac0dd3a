using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace Archiver.Tests.Fakes;

/// <summary>
/// An RFC 3161 Time-Stamp Authority on <c>127.0.0.1:0</c> that signs real tokens (BouncyCastle's
/// <see cref="TimeStampResponseGenerator"/>) with a test TSA certificate issued by a test root, both made fresh per
/// instance. <see cref="Behaviour"/> plays an authority that is down or answers garbage. Never touches the network.
/// </summary>
public sealed class FakeTimestampAuthority : IAsyncDisposable
{
    public enum Mode { Up, Down, Garbage }

    private readonly WebApplication app;
    private readonly TimeStampResponseGenerator generator;
    private long serial;
    private int requests;

    private FakeTimestampAuthority(WebApplication app, X509Certificate2 root, X509Certificate2 tsa, TimeStampResponseGenerator generator)
    {
        this.app = app;
        Root = root;
        Tsa = tsa;
        this.generator = generator;
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Tsa { get; }

    public Uri Url => new(new Uri(app.Urls.Single()), "/tsa");

    public Mode Behaviour { get; set; } = Mode.Up;

    /// <summary>Timestamp requests received so far, whatever was answered.</summary>
    public int Requests => Volatile.Read(ref requests);

    public string RootPem => Root.ExportCertificatePem();

    public static async Task<FakeTimestampAuthority> StartAsync(CancellationToken cancellationToken)
    {
        var (root, tsa, tsaKey) = Certificates();
        var signer = new TimeStampTokenGenerator(
            DotNetUtilities.GetRsaKeyPair(tsaKey).Private,
            DotNetUtilities.FromX509Certificate(tsa),
            TspAlgorithms.Sha256,
            "1.3.6.1.4.1.99999.1");
        signer.SetCertificates(CollectionUtilities.CreateStore(new[] { DotNetUtilities.FromX509Certificate(tsa) }));
        var generator = new TimeStampResponseGenerator(signer, TspAlgorithms.Allowed);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "FakeTimestampAuthority", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeTimestampAuthority? fake = null;
        app.MapPost("/tsa", (HttpContext context) => fake!.AnswerAsync(context));
        await app.StartAsync(cancellationToken);
        fake = new FakeTimestampAuthority(app, root, tsa, generator);
        return fake;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        switch (Behaviour)
        {
            case Mode.Down:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case Mode.Garbage:
                context.Response.ContentType = "application/timestamp-reply";
                await context.Response.Body.WriteAsync("not a timestamp"u8.ToArray(), context.RequestAborted);
                return;
        }

        var request = new TimeStampRequest(body.ToArray());
        TimeStampResponse response;
        lock (generator)
        {
            response = generator.Generate(request, BigInteger.ValueOf(Interlocked.Increment(ref serial)), TimeProvider.System.GetUtcNow().UtcDateTime);
        }

        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(response.GetEncoded(), context.RequestAborted);
    }

    /// <summary>A test root CA and a TSA certificate it issued (EKU time stamping, critical, as RFC 3161 asks).</summary>
    private static (X509Certificate2 Root, X509Certificate2 Tsa, RSA TsaKey) Certificates()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Archiver Test Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));

        var tsaKey = RSA.Create(2048);
        var tsaRequest = new CertificateRequest("CN=Archiver Test TSA", tsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        tsaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        tsaRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        tsaRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true));
        tsaRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(tsaRequest.PublicKey, false));
        tsaRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var tsa = tsaRequest.Create(root, now.AddDays(-1), now.AddYears(1), RandomNumberGenerator.GetBytes(8));
        return (root, tsa, tsaKey);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Root.Dispose();
        Tsa.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Net;
using Archiver.Functions.Articles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archiver.Tests.Fakes;

/// <summary>
/// A news site on <c>127.0.0.1:0</c> that the app reaches as <see cref="Host"/> (<c>http://news.example/…</c>) through
/// the test-only <see cref="ArticleTestHosts"/>: pages by path, each a <see cref="FakeReply"/>; anything else is 404.
/// </summary>
public sealed class FakeArticleSite : IAsyncDisposable
{
    public const string Host = "news.example";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, FakeReply> pages = new(StringComparer.Ordinal);

    private FakeArticleSite(WebApplication app) => this.app = app;

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public static async Task<FakeArticleSite> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "FakeArticleSite", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new FakeArticleSite(app);
        app.Run(context => FakeReplyWriter.WriteAsync(context, site.pages.TryGetValue(context.Request.Path.Value ?? "/", out var reply) ? reply : FakeReply.NotFoundHtml));
        await app.StartAsync(cancellationToken);
        site.EndPoint = new IPEndPoint(IPAddress.Loopback, new Uri(app.Urls.Single()).Port);
        return site;
    }

    /// <summary>Registers the mapping <c>news.example → 127.0.0.1:PORT</c> in the app under test.</summary>
    public void Register(IServiceCollection services) =>
        services.AddSingleton(new ArticleTestHosts(new Dictionary<string, IPEndPoint>(StringComparer.OrdinalIgnoreCase) { [Host] = EndPoint }));

    public string Url(string path) => $"http://{Host}{path}";

    public void Serve(string path, FakeReply reply) => pages[path] = reply;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

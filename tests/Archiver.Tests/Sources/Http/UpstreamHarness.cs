using Archiver.Sources;
using Archiver.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Sources.Http;

/// <summary>A fake upstream and a DI container with <c>AddSources()</c> pointed at it; both disposed together.</summary>
internal sealed class UpstreamHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private UpstreamHarness(FakeUpstream fake, ServiceProvider services)
    {
        Fake = fake;
        this.services = services;
    }

    public FakeUpstream Fake { get; }

    public static async Task<UpstreamHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var fake = await FakeUpstream.StartAsync(TestContext.Current.CancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fake.Settings(settings)).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddSources();
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // What ValidateOnStart does when a host starts.
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            await provider.DisposeAsync();
            await fake.DisposeAsync();
            throw;
        }

        return new UpstreamHarness(fake, provider);
    }

    public UpstreamClient Client => services.GetRequiredService<UpstreamClient>();

    public ShortLinkResolver Resolver => services.GetRequiredService<ShortLinkResolver>();

    public TweetFetcher Fetcher => services.GetRequiredService<TweetFetcher>();

    public MediaFetcher Media => services.GetRequiredService<MediaFetcher>();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

using Archiver.Citations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Citations;

public sealed class CitationRegistrationTests
{
    [Fact]
    public void AddCitations_WithoutSettings_ResolvesOneSharedExtractor()
    {
        using var provider = Services([]).BuildServiceProvider();

        var first = provider.GetRequiredService<CitationExtractor>();

        Assert.Same(first, provider.GetRequiredService<CitationExtractor>());
        Assert.Single(first.Extract("https://x.com/jack/status/20", ArticleFormat.Text));
    }

    [Fact]
    public void AddCitations_WithExtraMirrorHost_FindsLinksOnThatHost()
    {
        using var provider = Services(new() { ["Archiver:Citations:ExtraMirrorHosts:0"] = "bird.example.org" }).BuildServiceProvider();

        var citation = Assert.Single(provider.GetRequiredService<CitationExtractor>().Extract("see https://bird.example.org/jack/status/20", ArticleFormat.Text));

        Assert.Equal("https://x.com/jack/status/20", citation.Url);
    }

    [Fact]
    public void AddCitations_WithBadMirrorHost_FailsValidation()
    {
        using var provider = Services(new() { ["Archiver:Citations:ExtraMirrorHosts:0"] = "not a host" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CitationOptions>>().Value);

        Assert.Equal("Archiver:Citations:ExtraMirrorHosts must hold host names such as 'nitter.example.org'.", Assert.Single(error.Failures));
    }

    [Fact]
    public void CitationExtractor_BadMirrorHost_ThrowsWithTheHost()
    {
        var error = Assert.Throws<ArgumentException>(() => new CitationExtractor(new CitationOptions { ExtraMirrorHosts = ["bird/example"] }));

        Assert.StartsWith("'bird/example' is not a host name; a mirror host is written like 'nitter.example.org'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_FromManyThreads_GivesTheSameAnswers()
    {
        var extractor = new CitationExtractor();
        var article = await SeedArticle.ReadAsync(TestContext.Current.CancellationToken);
        var expected = extractor.Extract(article, ArticleFormat.Text);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(
            () => extractor.Extract(article, (ArticleFormat)(i % 2 * 2)), TestContext.Current.CancellationToken)));

        Assert.All(answers, answer => Assert.Equal(expected, answer, CitationComparer.Instance));
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCitations();
        return services;
    }
}

using Archiver.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archiver.Citations;

public static class CitationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CitationExtractor"/> as a singleton, configured from <c>Archiver:Citations</c>
    /// (<see cref="CitationOptions"/>; the defaults need no settings).
    /// </summary>
    public static IServiceCollection AddCitations(this IServiceCollection services)
    {
        services.AddOptions<CitationOptions>()
            .BindSettings(CitationOptions.SectionName)
            .Validate(
                options => options.ExtraMirrorHosts.All(TweetHosts.IsHostName),
                $"{CitationOptions.SectionName}:{nameof(CitationOptions.ExtraMirrorHosts)} must hold host names such as 'nitter.example.org'.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new CitationExtractor(sp.GetRequiredService<IOptions<CitationOptions>>().Value));
        return services;
    }
}

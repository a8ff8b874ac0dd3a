using Archiver.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Articles;

public static class ArticleServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddOptions<ArticleOptions>().BindSettings(ArticleOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArticleOptions>, ArticleOptionsValidator>());
        services.AddSingleton<ArticleReader>();
        services.AddSingleton<ArticleConnector>();
        services.AddSingleton<ArticlePageFetcher>();
        services.AddHttpClient(ArticlePageFetcher.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = provider.GetRequiredService<ArticleConnector>().ConnectAsync,
            })
            .RemoveAllLoggers(); // a page that cannot be fetched is the caller's answer, not a stack trace
        return services;
    }
}

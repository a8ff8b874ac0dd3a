namespace Archiver.Functions.Articles;

public static class ArticleServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddOptions<ArticleOptions>()
            .BindConfiguration(ArticleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
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
            });
        return services;
    }
}

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
        return services;
    }
}

using Archiver.Functions.Endpoints;

namespace Archiver.Functions.Downloads;

public static class DownloadServiceCollectionExtensions
{
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddSingleton<BlobDownloads>();
        services.AddSingleton<TweetListing>();
        return services;
    }
}

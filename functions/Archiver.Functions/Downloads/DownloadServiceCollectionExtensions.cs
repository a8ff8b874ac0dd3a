using Archiver.Functions.Endpoints;

namespace Archiver.Functions.Downloads;

public static class DownloadServiceCollectionExtensions
{
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddOptions<DownloadOptions>()
            .BindConfiguration(DownloadOptions.Section)
            .Validate(options => Enum.IsDefined(options.Mode), "Archiver:Downloads:Mode must be Stream or Redirect.")
            .ValidateOnStart();
        services.AddSingleton<BlobDownloads>();
        services.AddSingleton<TweetListing>();
        return services;
    }
}

using Archiver.Functions.Endpoints;
using Archiver.Settings;

namespace Archiver.Functions.Downloads;

public static class DownloadServiceCollectionExtensions
{
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddOptions<DownloadOptions>()
            .BindSettings(DownloadOptions.Section)
            .Validate(options => Enum.IsDefined(options.Mode), "Archiver:Downloads:Mode must be Stream or Redirect.");
        services.AddSingleton<BlobDownloads>();
        services.AddSingleton<TweetListing>();
        return services;
    }
}

using Archiver.Settings;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

public static class ArchiveStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="BlobServiceClient"/> for the process, the archive's container client derived from it,
    /// and a background start-up step that creates the container without delaying the host's readiness probe.
    /// </summary>
    public static IServiceCollection AddArchiveStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindSettings(StorageOptions.Section);

        services.AddSingleton(provider => CreateServiceClient(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => provider.GetRequiredService<BlobServiceClient>()
            .GetBlobContainerClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value.Container));
        services.AddSingleton<ArchiveContainer>();
        services.AddSingleton<TagIndex>();
        services.AddSingleton<KnownBlobs>();
        services.AddHostedService(provider => provider.GetRequiredService<ArchiveContainer>());
        return services;
    }

    internal static BlobServiceClient CreateServiceClient(StorageOptions options, IConfiguration configuration)
    {
        // Pinned to a service version Azurite 3.35.0 implements; Azure serves it as well.
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        var connectionString = options.ConnectionString ?? configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(connectionString) && options.AccountUrl is { } accountUrl)
        {
            return new BlobServiceClient(accountUrl, new DefaultAzureCredential(), clientOptions);
        }

        return new BlobServiceClient(
            string.IsNullOrWhiteSpace(connectionString) ? "UseDevelopmentStorage=true" : connectionString,
            clientOptions);
    }
}

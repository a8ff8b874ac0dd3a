using Archiver.Evidence;
using Archiver.Settings;
using Archiver.Notify;
using Archiver.Progress;
using Archiver.Recheck;
using Archiver.Sources;
using Archiver.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>Archiving: storage, the upstream sources, and the pieces that take citations into the archive.</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddArchiveStorage();
        services.AddArchiverMetrics();
        services.AddSources();
        services.AddNotify();
        services.AddEvidence();
        services.AddRecheck();
        services.AddOptions<ArchiveOptions>()
            .BindSettings(ArchiveOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                var section = configuration.GetSection(ArchiveOptions.Section);
                options.PartialRetryDelays = TimeSpanList.Parse(section[nameof(ArchiveOptions.PartialRetryDelays)], $"{ArchiveOptions.Section}:{nameof(ArchiveOptions.PartialRetryDelays)}") ?? options.PartialRetryDelays;
                options.PartialRetryIntervals = TimeSpanList.Parse(section[nameof(ArchiveOptions.PartialRetryIntervals)], $"{ArchiveOptions.Section}:{nameof(ArchiveOptions.PartialRetryIntervals)}") ?? options.PartialRetryIntervals;
            });
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<ProgressFeeds>();
        services.AddSingleton<IProgressSink>(provider => provider.GetRequiredService<ProgressFeeds>());
        services.AddTransient<TweetFiles>();
        services.AddTransient<TweetCapturer>();
        services.AddTransient<CaptureRecorder>();
        services.AddTransient<TweetArchiver>();
        services.AddTransient<CitationArchiver>();
        services.AddTransient<SubmissionProcessor>();
        services.AddTransient<BundleExporter>();
        return services;
    }
}

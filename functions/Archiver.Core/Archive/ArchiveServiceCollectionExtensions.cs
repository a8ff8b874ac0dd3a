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
                options.PartialRetryDelays = NonNegative(configuration, nameof(ArchiveOptions.PartialRetryDelays)) ?? options.PartialRetryDelays;
                options.PartialRetryIntervals = NonNegative(configuration, nameof(ArchiveOptions.PartialRetryIntervals)) ?? options.PartialRetryIntervals;
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

    /// <summary>A list of waits in either documented form; a negative one stops start-up with its key named.</summary>
    private static TimeSpan[]? NonNegative(IConfiguration configuration, string name)
    {
        var key = $"{ArchiveOptions.Section}:{name}";
        var list = TimeSpanListSetting.Read(configuration, key);
        if (list?.FirstOrDefault(wait => wait < TimeSpan.Zero) is { } negative && negative < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{key}: '{negative}' is not a duration of zero or more; write TimeSpans such as 00:05:00, comma-separated.");
        }

        return list;
    }
}

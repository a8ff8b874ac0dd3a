using Archiver.Evidence;
using Archiver.Settings;
using Archiver.Notify;
using Archiver.Progress;
using Archiver.Sources;
using Archiver.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Archiving: storage, the upstream sources, and the pieces that take citations into the archive and record each
    /// check. Re-checks over time (<c>AddRecheck</c>) build on this.
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddArchiveStorage();
        services.AddArchiverMetrics();
        services.AddSources();
        services.AddNotify();
        services.AddEvidence();
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
        services.AddRecording();
        services.AddTransient<TweetArchiver>();
        services.AddTransient<ShortLinkRecorder>();
        services.AddTransient<CitationArchiver>();
        services.AddTransient<SubmissionProcessor>();
        services.AddTransient<BundleExporter>();
        return services;
    }

    /// <summary>What recording a check needs: the status rules' settings, the check log, the snapshot writer, the recorder.</summary>
    private static void AddRecording(this IServiceCollection services)
    {
        services.AddOptions<StatusPolicyOptions>()
            .BindSettings(StatusPolicyOptions.Section)
            .Configure<IConfiguration>(StatusPolicyIntervals.Apply);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusPolicyOptions>, StatusPolicyOptionsValidator>());
        services.AddSingleton<CheckLog>();
        services.AddSingleton<SnapshotWriter>();
        services.AddTransient<CaptureRecorder>();
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

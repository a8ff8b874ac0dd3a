using Archiver.Archive;
using Archiver.Citations;
using Archiver.Evidence;
using Archiver.Functions.Articles;
using Archiver.Functions.Downloads;
using Archiver.Notify;
using Archiver.Recheck;
using Archiver.Sources;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Settings;

/// <summary>Every key of README's configuration table, each with a value that is not its default and the effect it has.</summary>
internal static class SettingCases
{
    public static readonly SettingCase[] All =
    [
        SettingCase.Of("Archiver__Storage__ConnectionString",
            "DefaultEndpointsProtocol=http;AccountName=issue13;AccountKey=aXNzdWUxMw==;BlobEndpoint=http://127.0.0.1:10000/issue13;",
            p => p.GetRequiredService<BlobServiceClient>().AccountName, "issue13"),
        SettingCase.Of("Archiver__Storage__AccountUrl", "https://issue13.blob.core.windows.net/",
            p => p.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri, "https://issue13.blob.core.windows.net/"),
        SettingCase.Of("Archiver__Storage__Container", "issue-13", p => p.GetRequiredService<BlobContainerClient>().Name, "issue-13"),
        SettingCase.Of("Archiver__Storage__TagQueries", "Index", p => p.GetRequiredService<TagIndex>().Lists, false),
        SettingCase.Of("Archiver__Downloads__Mode", "Redirect", p => Options<DownloadOptions>(p).Mode, DownloadMode.Redirect),
        SettingCase.Of("Archiver__Articles__FetchTimeout", "00:00:05", p => Options<ArticleOptions>(p).FetchTimeout, TimeSpan.FromSeconds(5)),
        SettingCase.Of("Archiver__Articles__MaxBodyBytes", "2048", p => Options<ArticleOptions>(p).MaxBodyBytes, 2048L),
        SettingCase.Of("Archiver__Citations__MaxInputLength", "4194304", p => Options<CitationOptions>(p).MaxInputLength, 4194304),
        SettingCase.Of("Archiver__Archive__TimeBudget", "00:00:05", p => Options<ArchiveOptions>(p).TimeBudget, TimeSpan.FromSeconds(5)),
        SettingCase.Of("Archiver__Archive__FreshnessWindow", "02:00:00", p => Options<ArchiveOptions>(p).FreshnessWindow, TimeSpan.FromHours(2)),
        SettingCase.Of("Archiver__Archive__MaxAttempts", "3", p => Options<ArchiveOptions>(p).MaxAttempts, 3),
        SettingCase.Of("Archiver__Archive__Parallelism", "2", p => Options<ArchiveOptions>(p).Parallelism, 2),
        SettingCase.Of("Archiver__Archive__RelatedDepth", "0", p => Options<ArchiveOptions>(p).RelatedDepth, 0),
        SettingCase.Of("Archiver__Archive__MaxCitations", "20", p => Options<ArchiveOptions>(p).MaxCitations, 20),
        SettingCase.Of("Archiver__Archive__PartialRetryDelays", "00:00:01,00:00:03",
            p => string.Join(",", Options<ArchiveOptions>(p).PartialRetryDelays), "00:00:01,00:00:03"),
        SettingCase.Of("Archiver__Archive__PartialRetryIntervals", "00:02:00,00:10:00",
            p => string.Join(",", Options<ArchiveOptions>(p).PartialRetryIntervals), "00:02:00,00:10:00"),
        new("Archiver__Upstream__HostMap__{host}",
            new Dictionary<string, string> { ["Archiver__Upstream__HostMap__cdn.syndication.twimg.com"] = "http://127.0.0.1:5999/syndication/" },
            p => p.GetRequiredService<UpstreamHosts>().TryMap(new Uri("https://cdn.syndication.twimg.com/tweet-result?id=20"), out var mapped) ? mapped.AbsoluteUri : null,
            "http://127.0.0.1:5999/syndication/tweet-result?id=20"),
        SettingCase.Of("Archiver__Upstream__FxTwitterEnabled", "false", p => Options<UpstreamOptions>(p).FxTwitterEnabled, false),
        SettingCase.Of("Archiver__Upstream__MaxJsonBytes", "65536", p => Options<UpstreamOptions>(p).MaxJsonBytes, 65536),
        SettingCase.Of("Archiver__Upstream__MaxMediaBytes", "1048576", p => Options<UpstreamOptions>(p).MaxMediaBytes, 1048576L),
        SettingCase.Of("Archiver__Upstream__AttemptTimeout", "00:00:02", p => Options<UpstreamOptions>(p).AttemptTimeout, TimeSpan.FromSeconds(2)),
        SettingCase.Of("Archiver__Upstream__TotalTimeout", "00:00:20", p => Options<UpstreamOptions>(p).TotalTimeout, TimeSpan.FromSeconds(20)),
        SettingCase.Of("Archiver__Upstream__MaxRetries", "1", p => Options<UpstreamOptions>(p).MaxRetries, 1),
        SettingCase.Of("Archiver__Upstream__RetryBaseDelay", "00:00:00.250", p => Options<UpstreamOptions>(p).RetryBaseDelay, TimeSpan.FromMilliseconds(250)),
        SettingCase.Of("Archiver__Upstream__MaxRetryAfter", "00:00:05", p => Options<UpstreamOptions>(p).MaxRetryAfter, TimeSpan.FromSeconds(5)),
        SettingCase.Of("Archiver__Upstream__MaxConcurrencyPerHost", "2", p => Options<UpstreamOptions>(p).MaxConcurrencyPerHost, 2),
        SettingCase.Of("Archiver__Upstream__RequestsPerSecondPerHost", "5", p => Options<UpstreamOptions>(p).RequestsPerSecondPerHost, 5.0),
        SettingCase.Of("Archiver__Upstream__MaxRedirects", "2", p => Options<UpstreamOptions>(p).MaxRedirects, 2),
        SettingCase.Of("Archiver__Upstream__UserAgent", "Issue13Bot/1.0 (+https://example.org/bot)", p => Options<UpstreamOptions>(p).UserAgent, "Issue13Bot/1.0 (+https://example.org/bot)"),
        SettingCase.Of("Archiver__Upstream__BreakerFailureRatio", "0.25", p => Options<UpstreamOptions>(p).BreakerFailureRatio, 0.25),
        SettingCase.Of("Archiver__Upstream__BreakerMinimumThroughput", "7", p => Options<UpstreamOptions>(p).BreakerMinimumThroughput, 7),
        SettingCase.Of("Archiver__Upstream__BreakerSamplingDuration", "00:00:10", p => Options<UpstreamOptions>(p).BreakerSamplingDuration, TimeSpan.FromSeconds(10)),
        SettingCase.Of("Archiver__Upstream__BreakerBreakDuration", "00:00:05", p => Options<UpstreamOptions>(p).BreakerBreakDuration, TimeSpan.FromSeconds(5)),
        SettingCase.Of("Archiver__Upstream__MaxQueuedPerHost", "100", p => Options<UpstreamOptions>(p).MaxQueuedPerHost, 100),
        SettingCase.Of("Archiver__Upstream__MediaTempDirectory", "/tmp/issue13-media", p => Options<UpstreamOptions>(p).MediaTempDirectory, "/tmp/issue13-media"),
        SettingCase.Of("Archiver__Recheck__Schedule", "0 0 */2 * * *", p => Options<RecheckOptions>(p).Schedule, "0 0 */2 * * *"),
        SettingCase.Of("Archiver__Recheck__Intervals", "00:10:00,01:00:00",
            p => string.Join(",", Options<StatusPolicyOptions>(p).Intervals), "00:10:00,01:00:00"),
        SettingCase.Of("Archiver__Recheck__ConfirmChecks", "3", p => Options<StatusPolicyOptions>(p).ConfirmChecks, 3),
        SettingCase.Of("Archiver__Recheck__ConfirmSpacing", "02:00:00", p => Options<StatusPolicyOptions>(p).ConfirmSpacing, TimeSpan.FromHours(2)),
        SettingCase.Of("Archiver__Recheck__MaxPerRun", "50", p => Options<RecheckOptions>(p).MaxPerRun, 50),
        SettingCase.Of("Archiver__Recheck__TimeBudget", "00:02:00", p => Options<RecheckOptions>(p).TimeBudget, TimeSpan.FromMinutes(2)),
        SettingCase.Of("Archiver__Recheck__ClaimLifetime", "00:01:00", p => Options<RecheckOptions>(p).ClaimLifetime, TimeSpan.FromMinutes(1)),
        SettingCase.Of("Archiver__Notify__WebhookUrl", "https://hooks.example.org/archiver", p => Options<NotifyOptions>(p).WebhookUrl, new Uri("https://hooks.example.org/archiver")),
        SettingCase.Of("Archiver__Notify__QueueLimit", "10", p => Options<NotifyOptions>(p).QueueLimit, 10),
        SettingCase.Of("Archiver__Notify__RetryBaseDelay", "00:00:02", p => Options<NotifyOptions>(p).RetryBaseDelay, TimeSpan.FromSeconds(2)),
        SettingCase.Of("Archiver__Evidence__TimestampAuthorityUrl", "http://timestamp.example.org/tsa",
            p => p.GetRequiredService<TimestampClient>().Authority, new Uri("http://timestamp.example.org/tsa")),
        SettingCase.Of("Archiver__Evidence__TimestampTimeout", "00:00:05", p => Options<EvidenceOptions>(p).TimestampTimeout, TimeSpan.FromSeconds(5)),
        SettingCase.Of("Archiver__Evidence__TimestampRetriesPerRun", "7", p => Options<EvidenceOptions>(p).TimestampRetriesPerRun, 7),
    ];

    private static T Options<T>(IServiceProvider provider)
        where T : class => provider.GetRequiredService<IOptions<T>>().Value;
}

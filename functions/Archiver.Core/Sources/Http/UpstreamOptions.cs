using System.ComponentModel.DataAnnotations;

namespace Archiver.Sources;

/// <summary>Settings of section <c>Archiver:Upstream</c>: how X/Twitter is asked (DESIGN.md, "Configuration").</summary>
internal sealed class UpstreamOptions
{
    public const string Section = "Archiver:Upstream";

    public const string DefaultUserAgent = "Archiver/0.1 (+https://archiver.invalid/about; tweet archiving bot)";

    /// <summary>
    /// Base URL used instead of <c>https://{host}</c> for an upstream host (tests, mirrors): key <c>HostMap:{host}</c>.
    /// The allow-list still judges the original host, and evidence records the original URL.
    /// </summary>
    public Dictionary<string, Uri> HostMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A non-browser User-Agent: t.co answers it with a plain redirect, FxTwitter refuses calls without one.</summary>
    [Required, MinLength(3)]
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Whether FxTwitter's API is asked when the syndication endpoint cannot supply the tweet.</summary>
    public bool FxTwitterEnabled { get; set; } = true;

    /// <summary>Largest JSON/HTML body kept from an upstream answer; the rest is cut and the exchange marked truncated.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxJsonBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest media file downloaded.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxMediaBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Where media is streamed to before upload; the system temporary folder when unset.</summary>
    public string? MediaTempDirectory { get; set; }

    /// <summary>Time one attempt may take to answer (and, for JSON, to deliver its body).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time one call may take, retries and their waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt (0: none).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest <c>Retry-After</c> waited for. A longer one is not waited: the call fails, and stored state and the timer
    /// retry later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight at once to one upstream host.</summary>
    [Range(1, 1000)]
    public int MaxConcurrencyPerHost { get; set; } = 4;

    /// <summary>Requests per second to one upstream host at most (a token bucket; 0 turns it off).</summary>
    [Range(0, 10_000)]
    public double RequestsPerSecondPerHost { get; set; } = 20;

    /// <summary>Requests that may wait for a free slot on one host; more are refused at once (a transient failure).</summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedPerHost { get; set; } = 10_000;

    /// <summary>Most redirects followed, hop by hop, for one short link or one call.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Share of failed calls, within <see cref="BreakerSamplingDuration"/>, that opens a host's circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls to a host within the sampling window before its circuit may open.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls to its host before one is let through to test it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

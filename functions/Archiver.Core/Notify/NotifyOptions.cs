using System.ComponentModel.DataAnnotations;

namespace Archiver.Notify;

/// <summary>Settings of section <c>Archiver:Notify</c>.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Archiver:Notify";

    /// <summary>Where each status change or new version is POSTed as JSON; none when unset.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Events waiting to be sent at most; past that the oldest are dropped (and logged).</summary>
    [Range(1, 1_000_000)]
    public int QueueLimit { get; set; } = 1000;

    /// <summary>
    /// The API path of a tweet, for the events' <c>tweet</c> member: set by the app that serves the API (Core builds no
    /// routes); the member is left out when unset.
    /// </summary>
    public Func<string, string>? TweetLink { get; set; }

    /// <summary>First wait before a failed delivery is tried again (then doubled, with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}

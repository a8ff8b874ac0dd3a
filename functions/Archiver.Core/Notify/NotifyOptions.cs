namespace Archiver.Notify;

/// <summary>Settings of section <c>Archiver:Notify</c>.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Archiver:Notify";

    /// <summary>Where each status change or new version is POSTed as JSON; none when unset.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Events waiting to be sent at most; past that the oldest are dropped (and logged).</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>First wait before a failed delivery is tried again (then doubled, with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}

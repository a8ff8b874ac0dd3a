namespace Archiver.Functions.Downloads;

/// <summary>Settings of section <c>Archiver:Downloads</c>: how stored bytes reach the caller.</summary>
public sealed class DownloadOptions
{
    public const string Section = "Archiver:Downloads";

    /// <summary>
    /// <c>Stream</c> (default): media and snapshots stream from storage through the function, with Range and
    /// conditional GETs, and a bundle streams while it is built. <c>Redirect</c>: a 302 to a read-only SAS URL valid
    /// for 15 minutes, a bundle first built once into <c>exports/</c>; for front ends that cut long responses.
    /// </summary>
    public DownloadMode Mode { get; set; } = DownloadMode.Stream;
}

public enum DownloadMode
{
    Stream,
    Redirect,
}

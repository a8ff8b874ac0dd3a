namespace Archiver.Archive;

/// <summary>
/// What one tweet's bundle holds: its state and every snapshot that could be read. Read before the first byte of the
/// ZIP is written, so that a tweet that is not archived is answered 404 rather than with a broken download.
/// </summary>
public sealed record Bundle(TweetState State, IReadOnlyList<(TweetVersion Version, Snapshot Snapshot)> Snapshots)
{
    public string TweetId => State.TweetId;

    /// <summary>Partial captures that a later snapshot of the same version completed, kept as evidence.</summary>
    public IReadOnlyList<Snapshot> EarlierCaptures { get; init; } = [];

    /// <summary>Every snapshot the bundle holds with the version it belongs to: per version, its earlier captures first.</summary>
    public IEnumerable<(TweetVersion Version, Snapshot Snapshot)> AllSnapshots =>
        Snapshots.SelectMany(s => s.Version.Captures
            .Select(c => EarlierCaptures.FirstOrDefault(e => e.Version == c))
            .OfType<Snapshot>()
            .Select(e => (s.Version, e))
            .Append(s));

    /// <summary>The newest version that could be read: the bundle is named and cached after it.</summary>
    public TweetVersion Latest => Snapshots[^1].Version;

    public string FileName => $"tweet-{TweetId}.zip";

    public string Extension(BundleFormat format) => format == BundleFormat.Wacz ? "wacz" : "zip";

    public string FileNameOf(BundleFormat format) => $"tweet-{TweetId}.{Extension(format)}";

    public static string ContentType(BundleFormat format) => format == BundleFormat.Wacz ? "application/wacz" : "application/zip";
}

/// <summary>How a bundle is packed: Archiver's ZIP with <c>SHA256SUMS</c>, or a WACZ 1.1.1 package.</summary>
public enum BundleFormat
{
    Zip,
    Wacz,
}

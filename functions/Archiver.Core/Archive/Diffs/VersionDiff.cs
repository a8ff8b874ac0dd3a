namespace Archiver.Archive;

/// <summary>What changed between two snapshots of a tweet: text (word by word), media, author, links.</summary>
public sealed record VersionDiff
{
    public required string TweetId { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>False when the two versions show the same tweet.</summary>
    public required bool Changed { get; init; }

    public required TextDiff Text { get; init; }

    public required SetDiff Media { get; init; }

    public AuthorDiff? Author { get; init; }

    public required SetDiff Links { get; init; }

    public static VersionDiff Between(Snapshot from, Snapshot to)
    {
        var text = TextDiff.Between(from.Tweet.Text, to.Tweet.Text);
        var media = SetDiff.Between(MediaIdentities(from), MediaIdentities(to));
        var links = SetDiff.Between(from.Tweet.Links.Select(l => l.ExpandedUrl ?? l.Url), to.Tweet.Links.Select(l => l.ExpandedUrl ?? l.Url));
        var author = (from.Tweet.Author?.Name, from.Tweet.Author?.ScreenName) == (to.Tweet.Author?.Name, to.Tweet.Author?.ScreenName)
            ? null
            : new AuthorDiff(from.Tweet.Author?.Name, to.Tweet.Author?.Name, from.Tweet.Author?.ScreenName, to.Tweet.Author?.ScreenName);
        return new VersionDiff
        {
            TweetId = to.TweetId,
            From = from.Version,
            To = to.Version,
            Changed = text.Changed || media.Changed || links.Changed || author is not null || from.ContentHash != to.ContentHash,
            Text = text,
            Media = media,
            Author = author,
            Links = links,
        };
    }

    /// <summary>A media file by the hash of its bytes, with where it came from.</summary>
    private static IEnumerable<string> MediaIdentities(Snapshot snapshot) =>
        snapshot.Files.Where(f => f.Role == "media").Select(f => $"{f.Sha256} {f.SourceUrl}");
}

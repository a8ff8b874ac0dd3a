using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

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

/// <summary>A word-level diff of two texts, as runs of kept, deleted and inserted text.</summary>
public sealed record TextDiff(string From, string To, bool Changed, IReadOnlyList<TextRun> Runs)
{
    /// <summary>Words as readers see them: split at white space only, so "closed." stays one word.</summary>
    private static readonly DelimiterChunker Words = new([' ', '\t', '\n', '\r']);

    public static TextDiff Between(string from, string to)
    {
        if (from == to)
        {
            return new TextDiff(from, to, false, from.Length == 0 ? [] : [new TextRun("equal", from)]);
        }

        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, Words);
        var runs = new List<TextRun>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(runs, "equal", result.PiecesOld, a, block.DeleteStartA - a);
            Add(runs, "deleted", result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(runs, "inserted", result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(runs, "equal", result.PiecesOld, a, result.PiecesOld.Count - a);
        return new TextDiff(from, to, true, runs);
    }

    private static void Add(List<TextRun> runs, string op, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            text.Append(pieces[i]);
        }

        if (runs.Count > 0 && runs[^1].Op == op)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new TextRun(op, text.ToString()));
        }
    }
}

/// <summary>One run of a text diff: <c>equal</c>, <c>deleted</c> or <c>inserted</c>.</summary>
public sealed record TextRun(string Op, string Text);

/// <summary>What one version has that the other lacks.</summary>
public sealed record SetDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool Changed => Added.Count > 0 || Removed.Count > 0;

    public static SetDiff Between(IEnumerable<string> from, IEnumerable<string> to)
    {
        var before = from.ToList();
        var after = to.ToList();
        return new SetDiff([.. after.Except(before)], [.. before.Except(after)]);
    }
}

public sealed record AuthorDiff(string? NameFrom, string? NameTo, string? HandleFrom, string? HandleTo);

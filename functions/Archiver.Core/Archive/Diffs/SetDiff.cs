namespace Archiver.Archive;

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

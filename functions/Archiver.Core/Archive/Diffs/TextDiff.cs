using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Archiver.Archive;

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

using Archiver.Citations;

namespace Archiver.Benchmarks.Extraction;

/// <summary>What one engine did with the corpus: its warm-up, the timed passes, the time each format took in them, and the ids it reported.</summary>
/// <param name="WarmUp">How long the untimed passes ran, and how many there were, before timing started.</param>
/// <param name="FormatPasses">Per format, the time its articles took in each timed pass.</param>
/// <param name="InventedExamples">Where reported ids that were never planted came from, when the engine says so.</param>
internal sealed record EngineResult(
    string Engine,
    long Bytes,
    (TimeSpan Elapsed, int Passes) WarmUp,
    IReadOnlyList<TimeSpan> Passes,
    IReadOnlyDictionary<ArticleFormat, IReadOnlyList<TimeSpan>> FormatPasses,
    IReadOnlySet<string> FoundIds,
    IReadOnlyList<string> InventedExamples)
{
    public TimeSpan Median { get; } = MedianOf(Passes);

    public double MegabytesPerSecond => Bytes / 1e6 / Median.TotalSeconds;

    /// <summary>The median throughput on one format's articles, which together hold <paramref name="bytes"/>.</summary>
    public double MegabytesPerSecondOn(ArticleFormat format, long bytes) =>
        FormatPasses.TryGetValue(format, out var passes) && passes.Count > 0 ? bytes / 1e6 / MedianOf(passes).TotalSeconds : double.NaN;

    private static TimeSpan MedianOf(IReadOnlyList<TimeSpan> passes)
    {
        if (passes.Count == 0)
        {
            throw new ArgumentException("At least one timed pass is needed.", nameof(passes));
        }

        var sorted = passes.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

using System.Globalization;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Prints the comparison: throughput, recall of the planted ids and invented ids per engine, the ratio against the
/// target, recall per citation form, and examples of what Archiver missed or invented (a bug report for the engine).
/// </summary>
internal static class ResultTable
{
    private const double TargetRatio = 10;
    private const int ExamplesPerForm = 3;

    public static void Print(Corpus corpus, EngineResult archiver, EngineResult? twitterText)
    {
        var planted = corpus.Planted.Select(p => p.TweetId).ToHashSet(StringComparer.Ordinal);
        Console.WriteLine();
        Console.WriteLine("engine        corpus MB  MB/s      recall   invented");
        Row(archiver);
        if (twitterText is null)
        {
            Console.WriteLine("twitter-text  -          not run (see above)");
        }
        else
        {
            Row(twitterText);
            var ratio = archiver.MegabytesPerSecond / twitterText.MegabytesPerSecond;
            Console.WriteLine(Invariant($"ratio (archiver / twitter-text): {ratio:0.0}x"));
            var complete = archiver.FoundIds.Count(planted.Contains) == planted.Count;
            var verdict = ratio >= TargetRatio && complete ? "met" : "NOT met";
            Console.WriteLine(Invariant($"target (>= {TargetRatio:0}x with 100% recall): {verdict}"));
        }

        Console.WriteLine();
        foreach (var result in twitterText is null ? [archiver] : new[] { archiver, twitterText })
        {
            var passes = string.Join(' ', result.Passes.Select(p => Invariant($"{p.TotalSeconds:0.000}")));
            Console.WriteLine(Invariant(
                $"{result.Engine}: warm after {result.WarmUp.Elapsed.TotalSeconds:0.0} s ({result.WarmUp.Passes} passes); timed passes (s): {passes}"));
        }

        PrintThroughputByFormat(corpus, archiver, twitterText);
        PrintRecallByForm(corpus, archiver, twitterText);
        PrintArchiverMisses(corpus, archiver);
        if (archiver.InventedExamples.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("archiver invented (reported ids never planted), first examples:");
            foreach (var example in archiver.InventedExamples)
            {
                Console.WriteLine($"  {example}");
            }
        }

        void Row(EngineResult result)
        {
            var found = result.FoundIds.Count(planted.Contains);
            var invented = result.FoundIds.Count - found;
            Console.WriteLine(Invariant(
                $"{result.Engine,-13} {result.Bytes / 1e6,-10:0.0} {result.MegabytesPerSecond,-9:0.0} {Percent(found, planted.Count),-8} {invented}"));
        }
    }

    private static void PrintThroughputByFormat(Corpus corpus, EngineResult archiver, EngineResult? twitterText)
    {
        var formats = corpus.Documents.GroupBy(d => d.Format).OrderBy(g => g.Key)
            .Select(g => (Format: g.Key, Bytes: g.Sum(d => d.Bytes))).ToList();
        Console.WriteLine();
        Console.WriteLine("MB/s by format" + string.Concat(formats.Select(f => $"  {CorpusGenerator.Extension(f.Format),8}")));
        foreach (var result in twitterText is null ? [archiver] : new[] { archiver, twitterText })
        {
            Console.WriteLine(Invariant($"{result.Engine,-14}") +
                string.Concat(formats.Select(f => Invariant($"  {result.MegabytesPerSecondOn(f.Format, f.Bytes),8:0.0}"))));
        }
    }

    private static void PrintRecallByForm(Corpus corpus, EngineResult archiver, EngineResult? twitterText)
    {
        Console.WriteLine();
        Console.WriteLine("recall by planted form                  planted  archiver  twitter-text");
        var order = CitationForm.All.Select(f => f.Name).Append(CitationForm.EmbedBlockquote).ToList();
        foreach (var group in corpus.Planted.GroupBy(p => p.Form).OrderBy(g => order.IndexOf(g.Key)))
        {
            var count = group.Count();
            var byArchiver = group.Count(p => archiver.FoundIds.Contains(p.TweetId));
            var byTwitterText = twitterText is null ? "-" : Percent(group.Count(p => twitterText.FoundIds.Contains(p.TweetId)), count);
            Console.WriteLine(Invariant($"  {group.Key,-38}{count,7}  {Percent(byArchiver, count),8}  {byTwitterText,12}"));
        }
    }

    private static void PrintArchiverMisses(Corpus corpus, EngineResult archiver)
    {
        var missed = corpus.Planted.Where(p => !archiver.FoundIds.Contains(p.TweetId)).ToList();
        if (missed.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"archiver missed {missed.Count} planted citations; examples per form (file: planted URL):"));
        foreach (var group in missed.GroupBy(p => p.Form))
        {
            var formats = string.Join(", ", group.GroupBy(p => Path.GetExtension(p.Document)).Select(g => Invariant($"{g.Count()} in {g.Key}")));
            Console.WriteLine(Invariant($"  {group.Key}: {group.Count()} missed ({formats})"));
            foreach (var p in group.Take(ExamplesPerForm))
            {
                Console.WriteLine($"    {p.Document}: {p.Url}");
            }
        }
    }

    /// <summary>A percentage rounded down, so that any miss shows below 100.0%.</summary>
    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : Invariant($"{Math.Floor(part * 1000.0 / whole) / 10:0.0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

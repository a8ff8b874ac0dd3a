using System.Globalization;
using Archiver.Citations;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// The <c>extract</c> verb: generates the corpus, times Archiver's extractor and twitter-text on it, prints the table.
/// </summary>
internal static class ExtractionBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!ExtractionOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var directory = Directory.CreateTempSubdirectory("archiver-extract-").FullName;
        try
        {
            Console.WriteLine(Invariant($"generating a {options.Megabytes} MB corpus (seed {options.Seed}) in {directory}"));
            var corpus = CorpusGenerator.Generate(directory, options.Megabytes * 1_000_000L, options.Seed);
            Describe(corpus, options);

            Console.WriteLine("running archiver…");
            EngineResult archiver;
            try
            {
                archiver = ArchiverRunner.Run(corpus, options.Iterations);
            }
            catch (InvalidOperationException e) when (e.InnerException is not null)
            {
                Console.Error.WriteLine($"archiver: {e.Message}");
                Console.Error.WriteLine(e.InnerException);
                return 1;
            }

            Console.WriteLine("running twitter-text under node…");
            var twitterText = await TwitterTextRunner.RunAsync(corpus, options.Iterations);
            ResultTable.Print(corpus, archiver, twitterText);
            return 0;
        }
        finally
        {
            if (options.KeepCorpus)
            {
                Console.WriteLine($"corpus kept in {directory}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static void Describe(Corpus corpus, ExtractionOptions options)
    {
        var formats = string.Join(", ", corpus.Documents.GroupBy(d => d.Format).Select(g =>
            Invariant($"{g.Count()} {Name(g.Key)} ({g.Sum(d => d.Bytes) / 1e6:0.0} MB)")));
        Console.WriteLine(Invariant($"corpus: {corpus.Documents.Count} articles, {corpus.Megabytes:0.0} MB: {formats}"));
        Console.WriteLine(Invariant(
            $"planted: {corpus.Planted.Count} citations in {corpus.Planted.Select(p => p.Form).Distinct().Count()} forms, each a distinct id"));
        Console.WriteLine(Invariant(
            $"method: one thread per engine; {WarmUpGate.Rule}, then the median of {options.Iterations} timed passes over the whole corpus; MB = 10^6 bytes of UTF-8"));
    }

    private static string Name(ArticleFormat format) => format switch
    {
        ArticleFormat.Html => "HTML",
        ArticleFormat.Markdown => "Markdown",
        _ => "text",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Text;
using Archiver.Citations;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Runs Archiver's <see cref="CitationExtractor"/> over the corpus on one thread: an untimed pass that collects the
/// ids, more untimed passes until the <see cref="WarmUpGate"/> opens, then timed passes over the same decoded documents.
/// </summary>
internal static class ArchiverRunner
{
    public const string Engine = "archiver";

    private const int MaxExamples = 20;

    public static EngineResult Run(Corpus corpus, int iterations)
    {
        var documents = corpus.Documents
            .Select(d => (d.Path, d.Format, Text: File.ReadAllText(d.Path, Encoding.UTF8)))
            .ToArray();
        var planted = corpus.Planted.Select(p => p.TweetId).ToHashSet(StringComparer.Ordinal);
        var extractor = new CitationExtractor();

        var warmUp = new WarmUpGate();
        var collectStart = Stopwatch.GetTimestamp();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var invented = new List<string>();
        foreach (var (path, format, text) in documents)
        {
            IReadOnlyList<Citation> citations;
            try
            {
                citations = extractor.Extract(text, format);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"CitationExtractor.Extract threw on {path} ({format}).", e);
            }

            foreach (var citation in citations)
            {
                if (citation.TweetId is { } id && found.Add(id) && !planted.Contains(id) && invented.Count < MaxExamples)
                {
                    invented.Add($"{id} in {Path.GetFileName(path)}: {Quote(text, citation.Occurrences)}");
                }
            }
        }

        warmUp.Record(Stopwatch.GetElapsedTime(collectStart));
        while (!warmUp.IsWarm)
        {
            warmUp.Record(Pass(extractor, documents));
        }

        var warm = (warmUp.Elapsed, warmUp.Passes);

        var passes = new List<TimeSpan>(iterations);
        var formatPasses = Enum.GetValues<ArticleFormat>().ToDictionary(f => f, _ => new List<TimeSpan>(iterations));
        var formatTimes = new TimeSpan[formatPasses.Count];
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            passes.Add(Pass(extractor, documents, formatTimes));
            foreach (var (format, times) in formatPasses)
            {
                times.Add(formatTimes[(int)format]);
            }
        }

        return new EngineResult(
            Engine,
            corpus.Bytes,
            warm,
            passes,
            formatPasses.ToDictionary(p => p.Key, p => (IReadOnlyList<TimeSpan>)p.Value),
            found,
            invented);
    }

    /// <summary>One pass over the corpus; <paramref name="formatTimes"/>, when given, gets the time per format.</summary>
    private static TimeSpan Pass(
        CitationExtractor extractor, (string Path, ArticleFormat Format, string Text)[] documents, TimeSpan[]? formatTimes = null)
    {
        formatTimes?.AsSpan().Clear();
        long count = 0;
        var start = Stopwatch.GetTimestamp();
        foreach (var (_, format, text) in documents)
        {
            var documentStart = Stopwatch.GetTimestamp();
            count += extractor.Extract(text, format).Count;
            if (formatTimes is not null)
            {
                formatTimes[(int)format] += Stopwatch.GetElapsedTime(documentStart);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        GC.KeepAlive(count);
        return elapsed;
    }

    private static string Quote(string text, IReadOnlyList<Occurrence> occurrences)
    {
        if (occurrences.Count == 0)
        {
            return "(no occurrence)";
        }

        var (offset, length) = (occurrences[0].Offset, occurrences[0].Length);
        var start = Math.Clamp(offset - 30, 0, text.Length);
        var end = Math.Clamp(offset + length + 30, start, text.Length);
        return $"…{text[start..end].ReplaceLineEndings(" ")}…";
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Runs twitter-text's <c>extractUrls</c> (keeping status links) under Node on the same corpus files through
/// <c>twitter-text/bench.js</c>, and reads back the JSON line it prints. Says why, and returns null, when it cannot run.
/// </summary>
internal static partial class TwitterTextRunner
{
    public const string Engine = "twitter-text";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public static async Task<EngineResult?> RunAsync(Corpus corpus, int iterations)
    {
        var root = FindRepositoryRoot();
        if (root is null)
        {
            Console.Error.WriteLine($"twitter-text: not run; no Archiver.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
            return null;
        }

        var package = Path.Combine(root, "node_modules", "twitter-text", "package.json");
        if (!File.Exists(package))
        {
            Console.Error.WriteLine($"twitter-text: not run; {package} is missing.");
            Console.Error.WriteLine($"  Install it with `npm ci` in {root} (package.json pins twitter-text 3.1.0), then run again.");
            return null;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(root, "tests", "Archiver.Benchmarks", "twitter-text", "bench.js"), root, corpus.Directory, iterations.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            Console.Error.WriteLine($"twitter-text: not run; cannot start `node` ({e.Message}). Install Node 20 or later and put it on PATH.");
            return null;
        }

        if (process is null)
        {
            Console.Error.WriteLine("twitter-text: not run; `node` did not start.");
            return null;
        }

        using (process)
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            string output;
            try
            {
                output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Console.Error.WriteLine($"twitter-text: stopped; bench.js ran longer than {Timeout.TotalMinutes} minutes.");
                return null;
            }

            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"twitter-text: bench.js exited with code {process.ExitCode} (its message is above).");
                return null;
            }

            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            Report? report;
            try
            {
                report = JsonSerializer.Deserialize(line, ReportJson.Default.Report);
            }
            catch (JsonException e)
            {
                Console.Error.WriteLine($"twitter-text: bench.js printed no JSON report ({e.Message}): \"{Truncate(line)}\"");
                return null;
            }

            if (report is null || report.Seconds.Count == 0)
            {
                Console.Error.WriteLine($"twitter-text: bench.js printed an empty report: \"{Truncate(line)}\"");
                return null;
            }

            if (report.Bytes != corpus.Bytes || report.Documents != corpus.Documents.Count)
            {
                Console.Error.WriteLine($"twitter-text: warning: bench.js read {report.Documents} files / {report.Bytes} bytes; the corpus has {corpus.Documents.Count} / {corpus.Bytes}.");
            }

            Console.WriteLine($"twitter-text {report.Version}, node {report.Node}");
            return new EngineResult(
                Engine,
                report.Bytes,
                (TimeSpan.FromSeconds(report.WarmUpSeconds), report.WarmUpPasses),
                report.Seconds.Select(TimeSpan.FromSeconds).ToArray(),
                report.FormatSeconds.ToDictionary(
                    p => CorpusGenerator.FormatOf(p.Key),
                    p => (IReadOnlyList<TimeSpan>)p.Value.Select(TimeSpan.FromSeconds).ToArray()),
                report.Ids.ToHashSet(StringComparer.Ordinal),
                []);
        }
    }

    /// <summary>The folder holding Archiver.sln, from the binary's folder up, else from the working directory up.</summary>
    private static string? FindRepositoryRoot()
    {
        foreach (var from in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Archiver.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>The JSON line bench.js prints.</summary>
    private sealed record Report
    {
        public required string Version { get; init; }

        public required string Node { get; init; }

        public required int Documents { get; init; }

        public required long Bytes { get; init; }

        public required double WarmUpSeconds { get; init; }

        public required int WarmUpPasses { get; init; }

        public required IReadOnlyList<double> Seconds { get; init; }

        /// <summary>Per file extension (".txt", ".html", ".md"), the seconds its articles took in each timed pass.</summary>
        public required IReadOnlyDictionary<string, IReadOnlyList<double>> FormatSeconds { get; init; }

        public required IReadOnlyList<string> Ids { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Report))]
    private sealed partial class ReportJson : JsonSerializerContext;
}

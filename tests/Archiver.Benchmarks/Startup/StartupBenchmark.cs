using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Archiver.Tests.Hosting.StandIn;

namespace Archiver.Benchmarks.Startup;

/// <summary>
/// The <c>startup</c> verb: publishes the worker in each shape it can ship in, then times, for each, two starts:
/// under the stand-in Functions host, the span from process start to the worker's WorkerInitResponse (what Flex
/// Consumption's 30 s start-up limit counts) and to the last FunctionLoadResponse; and standalone, to the first
/// answered <c>GET /api/health</c>. Storage points at a closed port: neither start may wait on it. Prints median, min
/// and max, and the median CPU time the standalone process had used by its first answer.
/// </summary>
public static class StartupBenchmark
{
    public const string Usage = "startup [--runs N] [--keep]";

    /// <summary>Flex Consumption's start-up limit: the worker must answer WorkerInit within it.</summary>
    private static readonly TimeSpan FlexLimit = TimeSpan.FromSeconds(30);

    private static readonly Shape[] Shapes =
    [
        new("framework-dependent", ["-c", "Release"]),
        new("ReadyToRun linux-x64", ["-c", "Release", "-r", "linux-x64", "--self-contained", "false"]), // scripts/package.sh
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var runs, out var keep))
        {
            Console.Error.WriteLine($"usage: {Usage}   (runs: 1 to 100, default 10)");
            return 2;
        }

        var root = FindRepositoryRoot();
        if (root is null)
        {
            Console.Error.WriteLine($"startup: no Archiver.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("archiver-startup-").FullName;
        try
        {
            var published = new List<(Shape Shape, string Directory)>();
            foreach (var shape in Shapes)
            {
                Console.WriteLine($"publishing {shape.Name}…");
                var directory = Path.Combine(work, shape.Name.Replace(' ', '-'));
                if (!await PublishAsync(root, shape, directory))
                {
                    return 1;
                }

                published.Add((shape, directory));
            }

            // One untimed start each, so every shape is measured with its files in the page cache.
            foreach (var (_, directory) in published)
            {
                await MeasureUnderHostAsync(directory);
                await MeasureStandaloneAsync(directory);
            }

            var times = published.ToDictionary(p => p.Shape, _ => new Samples());
            for (var run = 1; run <= runs; run++)
            {
                Console.Write(Invariant($"\rrun {run}/{runs}"));
                foreach (var (shape, directory) in published)
                {
                    var (init, loaded) = await MeasureUnderHostAsync(directory);
                    times[shape].Init.Add(init);
                    times[shape].Loaded.Add(loaded);
                    times[shape].Standalone.Add(await MeasureStandaloneAsync(directory));
                }
            }

            Console.WriteLine();
            Print(published.Select(p => (p.Shape.Name, times[p.Shape], DirectorySize(p.Directory))).ToArray(), runs);
            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"publish folders kept in {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static bool TryParse(string[] args, out int runs, out bool keep)
    {
        runs = 10;
        keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100:
                    runs = n;
                    i++;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static async Task<bool> PublishAsync(string root, Shape shape, string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", Path.Combine("functions", "Archiver.Functions"), .. shape.PublishArguments,
                     "--artifacts-path", directory + "-build", "-o", directory, "--nologo"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"dotnet publish ({shape.Name}) failed:\n{await output}\n{await error}");
            return false;
        }

        return true;
    }

    /// <summary>Starts the worker under the stand-in host: process start → WorkerInitResponse, and → every function loaded.</summary>
    private static async Task<(TimeSpan Init, TimeSpan Loaded)> MeasureUnderHostAsync(string workerRoot)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = DeadStorage(),
            ["Archiver__Recheck__Schedule"] = "0 */15 * * * *",
        };
        await using var host = await StandInHost.StartAsync(workerRoot, settings, CancellationToken.None);
        return (host.InitTime, host.LoadedTime);
    }

    /// <summary>Starts the app standalone and times its first answer to <c>GET /api/health</c>.</summary>
    private static async Task<Sample> MeasureStandaloneAsync(string workerRoot)
    {
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(workerRoot, "Archiver.Functions.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = workerRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AzureWebJobsStorage"] = DeadStorage();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync("/api/health");
                    var elapsed = clock.Elapsed;
                    process.Refresh();
                    return new Sample(elapsed, process.TotalProcessorTime);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(2);
                }
            }

            throw new InvalidOperationException($"{start.FileName} never answered GET /api/health (exited: {process.HasExited}).");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static string DeadStorage() =>
        Invariant($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{FreePort()}/devstoreaccount1;");

    private static void Print(IReadOnlyList<(string Name, Samples Samples, long Bytes)> rows, int runs)
    {
        Console.WriteLine(Invariant($"time from process start ({runs} runs each, {Environment.ProcessorCount} cores, .NET {Environment.Version}, warm file cache; Flex's limit for WorkerInit: {FlexLimit.TotalSeconds:0} s)"));
        Console.WriteLine();
        Console.WriteLine("| shape | to WorkerInitResponse (median, min–max) | to every function loaded (median) | standalone: first GET /api/health (median, min–max) | standalone CPU by then (median) | publish size |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, samples, bytes) in rows)
        {
            var init = samples.Init.Order().ToArray();
            var loaded = samples.Loaded.Order().ToArray();
            var standalone = samples.Standalone.Select(s => s.Wall).Order().ToArray();
            Console.WriteLine(Invariant(
                $"| {name} | {Ms(Median(init))} ({Ms(init[0])}–{Ms(init[^1])}) | {Ms(Median(loaded))} | {Ms(Median(standalone))} ({Ms(standalone[0])}–{Ms(standalone[^1])}) | {Ms(Median(samples.Standalone.Select(s => s.Cpu).Order().ToArray()))} | {bytes / 1e6:0.0} MB |"));
        }
    }

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0} ms");

    private static TimeSpan Median(TimeSpan[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static long DirectorySize(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding Archiver.sln, from the binary's folder up, else from the working directory up.</summary>
    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Archiver.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Shape(string Name, string[] PublishArguments);

    private sealed class Samples
    {
        public List<TimeSpan> Init { get; } = [];

        public List<TimeSpan> Loaded { get; } = [];

        public List<Sample> Standalone { get; } = [];
    }

    /// <summary>Wall time to the first answer, and the CPU time (user + system) the process had used by then.</summary>
    private readonly record struct Sample(TimeSpan Wall, TimeSpan Cpu);
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Archiver.Benchmarks.Startup;

/// <summary>
/// The <c>startup</c> verb: publishes the handler in each shape it can ship in, then times, for each, the span from
/// process start to the first answered <c>GET /</c> (the Functions host's readiness probe), with the handler started
/// as the host starts it: host.json's executable and arguments, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, the script root as
/// working directory, storage pointed at a closed port (the probe must not wait on it). Prints median, min and max,
/// and the median CPU time the process had used by then, which a busy machine disturbs far less than wall time.
/// </summary>
public static class StartupBenchmark
{
    public const string Usage = "startup [--runs N] [--keep]";

    private static readonly Shape[] Shapes =
    [
        new("framework-dependent", ["-c", "Release"]),
        new("self-contained", ["-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishReadyToRun=false"]),
        new("self-contained ReadyToRun", ["-c", "Release", "-r", "linux-x64", "--self-contained"]), // scripts/package.sh
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
                await MeasureAsync(directory);
            }

            var times = published.ToDictionary(p => p.Shape, _ => new List<Sample>());
            for (var run = 1; run <= runs; run++)
            {
                Console.Write(Invariant($"\rrun {run}/{runs}"));
                foreach (var (shape, directory) in published)
                {
                    times[shape].Add(await MeasureAsync(directory));
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

    /// <summary>Starts the handler in <paramref name="scriptRoot"/> as the host would and times its first answer to GET /.</summary>
    private static async Task<Sample> MeasureAsync(string scriptRoot)
    {
        using var host = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(scriptRoot, "host.json")));
        var description = host.RootElement.GetProperty("customHandler").GetProperty("description");
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(Path.Combine(scriptRoot, description.GetProperty("defaultExecutablePath").GetString()!))
        {
            WorkingDirectory = scriptRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in description.GetProperty("arguments").EnumerateArray())
        {
            start.ArgumentList.Add(argument.GetString()!.Replace("%FUNCTIONS_CUSTOMHANDLER_PORT%", port, StringComparison.Ordinal));
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        start.Environment["AzureWebJobsStorage"] =
            Invariant($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{FreePort()}/devstoreaccount1;");

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
                    using var response = await http.GetAsync("/");
                    var elapsed = clock.Elapsed;
                    process.Refresh();
                    return new Sample(elapsed, process.TotalProcessorTime);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(2);
                }
            }

            throw new InvalidOperationException($"{start.FileName} never answered GET / (exited: {process.HasExited}).");
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

    private static void Print(IReadOnlyList<(string Name, List<Sample> Samples, long Bytes)> rows, int runs)
    {
        Console.WriteLine(Invariant($"time from process start to the first answered GET / ({runs} runs each, {Environment.ProcessorCount} cores, .NET {Environment.Version}, warm file cache)"));
        Console.WriteLine();
        Console.WriteLine("| shape | median | min | max | CPU by then (median) | publish size |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, samples, bytes) in rows)
        {
            var wall = samples.Select(s => s.Wall).Order().ToArray();
            Console.WriteLine(Invariant(
                $"| {name} | {Median(wall).TotalMilliseconds:0} ms | {wall[0].TotalMilliseconds:0} ms | {wall[^1].TotalMilliseconds:0} ms | {Median(samples.Select(s => s.Cpu).Order().ToArray()).TotalMilliseconds:0} ms | {bytes / 1e6:0.0} MB |"));
        }
    }

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

    /// <summary>Wall time to the first answer, and the CPU time (user + system) the process had used by then.</summary>
    private readonly record struct Sample(TimeSpan Wall, TimeSpan Cpu);
}

using System.Diagnostics;
using System.Globalization;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// CPU time used over a measured span by this process (the archiver and the in-process fake upstream) and by its
/// child <c>node</c> processes (Azurite), with the machine's load average at both ends: on a shared machine, it tells
/// a slow run from a starved one, and the methods the JIT compiled meanwhile (a run that is still warming up shows
/// here). Linux only (<c>/proc</c>); elsewhere Azurite's share and the load show as unknown.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan self;
    private readonly TimeSpan children;
    private readonly string load;
    private readonly long started;
    private readonly long jitted;
    private readonly TimeSpan jitTime;

    private CpuMeter()
    {
        self = SelfTime();
        children = ChildNodeTime();
        load = LoadAverage();
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        jitTime = System.Runtime.JitInfo.GetCompilationTime();
        started = Stopwatch.GetTimestamp();
    }

    public static CpuMeter Start() => new();

    /// <summary>"this process 12.3 s, Azurite 8.1 s of 2 cores × 20.0 s; load average 1.2 → 3.4 (1 min); JIT 52 methods in 80 ms".</summary>
    public string Stop()
    {
        var wall = Stopwatch.GetElapsedTime(started);
        var selfUsed = SelfTime() - self;
        var azurite = ChildNodeTime() - children;
        return string.Create(CultureInfo.InvariantCulture,
            $"this process {selfUsed.TotalSeconds:0.0} s, Azurite {azurite.TotalSeconds:0.0} s, of {Environment.ProcessorCount} cores × {wall.TotalSeconds:0.0} s; load average {load} → {LoadAverage()} (1 min); JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0} ms");
    }

    private static TimeSpan SelfTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU time of the child processes called node: Azurite, started by AzuriteFixture.</summary>
    private static TimeSpan ChildNodeTime()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsOurNode(directory))
            {
                continue;
            }

            try
            {
                using var child = Process.GetProcessById(pid);
                total += child.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone in between.
            }
        }

        return total;
    }

    /// <summary>/proc/{pid}/stat reads "pid (comm) state ppid …".</summary>
    private static bool IsOurNode(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return stat.Contains("(node)", StringComparison.Ordinal) && fields[1] == Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// Samples this process's resident set size every <see cref="Interval"/> on a background task and keeps the highest.
/// Reads <c>VmRSS</c> from <c>/proc/self/status</c> on Linux (cheap, no allocation of a Process per sample), else the
/// refreshed <see cref="Process.WorkingSet64"/>. <see cref="TryResetPeak"/> and <see cref="KernelPeak"/> give the
/// kernel's own high-water mark (<c>VmHWM</c>), which also catches a spike between two samples.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peak;
    private int samples;

    private RssSampler()
    {
        peak = Current();
        sampling = Task.Run(SampleAsync);
    }

    /// <summary>The highest RSS seen so far, in bytes.</summary>
    public long Peak => Interlocked.Read(ref peak);

    public int Samples => Volatile.Read(ref samples);

    public static RssSampler Start() => new();

    /// <summary>This process's resident set size now, in bytes.</summary>
    public static long Current()
    {
        if (ReadStatus("VmRSS:") is { } rss)
        {
            return rss;
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>The kernel's peak RSS of this process (<c>VmHWM</c>) since start or the last reset; null off Linux.</summary>
    public static long? KernelPeak() => ReadStatus("VmHWM:");

    /// <summary>Resets <c>VmHWM</c> to the current RSS (writing 5 to <c>/proc/self/clear_refs</c>); false when not possible.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var rss = Current();
                Interlocked.Increment(ref samples);
                if (rss > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A "Name:   1234 kB" line of /proc/self/status, in bytes.</summary>
    private static long? ReadStatus(string name)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    var kilobytes = line[name.Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}

using System.Runtime.InteropServices;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// Runs one verb under a time limit, and turns Ctrl-C or SIGTERM into cancellation, so that Azurite and the fake
/// upstream are always stopped by their disposals rather than left running; a cancelled run exits with 130.
/// </summary>
internal static class BenchmarkRun
{
    public static async Task<int> WithCancellationAsync(string verb, TimeSpan limit, Func<CancellationToken, Task<int>> run)
    {
        using var cancel = new CancellationTokenSource(limit);
        ConsoleCancelEventHandler onCancelKey = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        try
        {
            return await run(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{verb}: stopped (cancelled, or over its limit of {limit.TotalMinutes:0} minutes).");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }
}

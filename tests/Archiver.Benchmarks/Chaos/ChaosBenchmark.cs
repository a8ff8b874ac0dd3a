using System.Globalization;
using Archiver.Benchmarks.Archiving;
using Archiver.Tests.Chaos;
using Archiver.Tests.Infrastructure;

namespace Archiver.Benchmarks.Chaos;

/// <summary>
/// The <c>chaos</c> verb: the chaos test's run (<see cref="ChaosRun"/>: the real app on Azurite in memory, the fake
/// upstream failing a share of its requests in every way it can) with its counts printed as tables rather than asserted.
/// Exits 1 when a rule was broken.
/// </summary>
public static class ChaosBenchmark
{
    public const string Usage = "chaos [--tweets 40] [--seed 11] [--fault-percent 30]";

    private static readonly Dictionary<string, (long, long)> Options = new(StringComparer.Ordinal)
    {
        ["--tweets"] = (5, 2000),
        ["--seed"] = (0, int.MaxValue),
        ["--fault-percent"] = (0, 90),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchmarkArguments.TryParse(Usage, args, Options, [], out var arguments, out var error))
        {
            Console.Error.WriteLine($"chaos: {error}");
            return 2;
        }

        var tweets = (int)arguments.Get("--tweets", 40);
        var seed = (int)arguments.Get("--seed", 11);
        var rate = arguments.Get("--fault-percent", 30) / 100.0;
        return await BenchmarkRun.WithCancellationAsync("chaos", TimeSpan.FromMinutes(30), async token =>
        {
            Console.WriteLine("starting Azurite (in memory), the fake upstream and the app…");
            await using var azurite = new AzuriteFixture();
            await azurite.InitializeAsync();
            await using var run = await ChaosRun.StartAsync(azurite, tweets, seed, rate, token);
            Console.WriteLine(Invariant($"archiving {tweets} tweets, three re-check rounds, then three real changes, all under faults…"));
            var report = await run.RunAsync(token);
            ChaosTable.Print(report);
            return ChaosTable.Breaches(report).Any() ? 1 : 0;
        });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

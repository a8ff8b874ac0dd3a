using System.Diagnostics;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Says when an engine is warm enough to time: after <see cref="Minimum"/>, once its fastest untimed pass has not
/// improved by more than 2% for <see cref="SettledPasses"/> passes and <see cref="Minimum"/> of time; at the latest
/// after <see cref="Maximum"/>. A fixed warm-up is not enough: .NET's tiered JIT with dynamic PGO kept the extractor
/// getting faster for seconds after the first ones. twitter-text/bench.js applies the same rule to V8.
/// </summary>
internal sealed class WarmUpGate
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(60);
    public const int SettledPasses = 5;
    private const double Gain = 0.02;

    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private TimeSpan best = TimeSpan.MaxValue;
    private TimeSpan sinceGain;
    private int passesSinceGain;

    public int Passes { get; private set; }

    public TimeSpan Elapsed => elapsed.Elapsed;

    public bool IsWarm => Elapsed >= Maximum
        || (Elapsed >= Minimum && passesSinceGain >= SettledPasses && sinceGain >= Minimum);

    public void Record(TimeSpan pass)
    {
        Passes++;
        if (pass < best * (1 - Gain))
        {
            passesSinceGain = 0;
            sinceGain = TimeSpan.Zero;
        }
        else
        {
            passesSinceGain++;
            sinceGain += pass;
        }

        best = pass < best ? pass : best;
    }

    public static string Rule => $"untimed passes until the fastest stops gaining 2% for {SettledPasses} passes and {Minimum.TotalSeconds:0} s (at most {Maximum.TotalSeconds:0} s)";
}

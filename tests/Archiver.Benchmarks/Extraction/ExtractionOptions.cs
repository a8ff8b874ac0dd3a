using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Archiver.Benchmarks.Extraction;

/// <summary>The options of the <c>extract</c> benchmark.</summary>
internal sealed record ExtractionOptions
{
    public const string Usage = "extract [--mb 50] [--seed 20220107] [--iterations 5] [--keep-corpus]";

    /// <summary>Corpus size in MB (10^6 bytes of UTF-8); the corpus is at least this big.</summary>
    public int Megabytes { get; init; } = 50;

    public int Seed { get; init; } = 20220107;

    /// <summary>Timed passes over the whole corpus per engine, after one untimed pass.</summary>
    public int Iterations { get; init; } = 5;

    /// <summary>Leave the generated files in the temp folder instead of deleting them.</summary>
    public bool KeepCorpus { get; init; }

    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out ExtractionOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = new ExtractionOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--keep-corpus":
                    options = options with { KeepCorpus = true };
                    continue;
                case "--mb" or "--seed" or "--iterations" when i + 1 < args.Count:
                    if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
                    {
                        break;
                    }

                    options = args[i] switch
                    {
                        "--mb" => options with { Megabytes = value },
                        "--seed" => options with { Seed = value },
                        _ => options with { Iterations = value },
                    };
                    i++;
                    continue;
            }

            options = null;
            error = $"extract: cannot read \"{string.Join(' ', args.Skip(i).Take(2))}\"; expected {Usage} (numbers are positive integers).";
            return false;
        }

        error = null;
        return true;
    }
}

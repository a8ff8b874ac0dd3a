using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// The <c>--name value</c> options of one verb: each at most once, its value a whole number within the option's range,
/// or for a list option a comma-separated list of them. Anything else is an error that quotes the input.
/// </summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, long[]> values;

    private BenchmarkArguments(Dictionary<string, long[]> values) => this.values = values;

    /// <param name="options">Each option's name and the range of its values.</param>
    /// <param name="lists">The options that take a comma-separated list.</param>
    public static bool TryParse(
        string usage,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, (long Min, long Max)> options,
        IReadOnlyCollection<string> lists,
        [NotNullWhen(true)] out BenchmarkArguments? arguments,
        [NotNullWhen(false)] out string? error)
    {
        var values = new Dictionary<string, long[]>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!options.TryGetValue(name, out var range) || i + 1 >= args.Count || values.ContainsKey(name)
                || !TryParseList(args[i + 1], range, out var list) || (list.Length > 1 && !lists.Contains(name)))
            {
                var ranges = string.Join("; ", options.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value.Min} to {o.Value.Max}")));
                arguments = null;
                error = $"cannot read \"{string.Join(' ', args.Skip(i).Take(2))}\"; expected {usage} ({ranges}; each option once).";
                return false;
            }

            values[name] = list;
        }

        arguments = new BenchmarkArguments(values);
        error = null;
        return true;
    }

    /// <summary>The value of <paramref name="name"/>, or null when not given.</summary>
    public long? Find(string name) => values.TryGetValue(name, out var list) ? list[0] : null;

    public long Get(string name, long fallback) => Find(name) ?? fallback;

    public IReadOnlyList<long> GetList(string name, IReadOnlyList<long> fallback) => values.TryGetValue(name, out var list) ? list : fallback;

    private static bool TryParseList(string text, (long Min, long Max) range, [NotNullWhen(true)] out long[]? list)
    {
        var parts = text.Split(',');
        list = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out list[i]) || list[i] < range.Min || list[i] > range.Max)
            {
                list = null;
                return false;
            }
        }

        return true;
    }
}

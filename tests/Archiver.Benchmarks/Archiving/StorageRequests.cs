using System.Globalization;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// Storage requests counted by <see cref="StorageRequestCounter"/>: per operation, the time they took to answer (summed
/// over requests, so overlapping requests add up), and how many were conflicts (409/412).
/// </summary>
internal sealed record StorageRequests(IReadOnlyDictionary<string, int> ByOperation, int Conflicts)
{
    public IReadOnlyDictionary<string, TimeSpan> TimeByOperation { get; init; } = new Dictionary<string, TimeSpan>();

    public int Total => ByOperation.Values.Sum();

    public TimeSpan TotalTime => TimeByOperation.Values.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);

    /// <summary>What was sent since <paramref name="earlier"/>.</summary>
    public StorageRequests Since(StorageRequests earlier) => new(
        ByOperation
            .Select(pair => (pair.Key, Count: pair.Value - earlier.ByOperation.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Count, StringComparer.Ordinal),
        Conflicts - earlier.Conflicts)
    {
        TimeByOperation = TimeByOperation
            .Select(pair => (pair.Key, Time: pair.Value - earlier.TimeByOperation.GetValueOrDefault(pair.Key)))
            .Where(pair => ByOperation[pair.Key] > earlier.ByOperation.GetValueOrDefault(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Time, StringComparer.Ordinal),
    };

    /// <summary>"412 put blob (2.1 ms), 300 get blob (1.0 ms), …": count and mean time to answer, most frequent first.</summary>
    public string Breakdown() => ByOperation.Count == 0
        ? "none"
        : string.Join(", ", ByOperation.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture,
                $"{pair.Value} {pair.Key} ({TimeByOperation.GetValueOrDefault(pair.Key).TotalMilliseconds / pair.Value:0.0} ms)")));
}

using System.Diagnostics.Metrics;

namespace Archiver.Telemetry;

/// <summary>
/// The project's meter and every instrument on it, in one place. Features take this class from DI and record through
/// it; the edge exports the meters named in <see cref="MeterNames"/>. Upstream request counts and durations come from
/// the HttpClient instrumentation, and retries, breaker transitions and timeouts of the per-host pipelines from Polly's
/// own meter (Microsoft.Extensions.Http.Resilience reports there, tagged with the pipeline's name and instance).
/// </summary>
public sealed class ArchiverMetrics
{
    public const string MeterName = "Archiver";

    /// <summary>The meter Polly reports resilience events on (<c>resilience.polly.strategy.events</c> and durations).</summary>
    public const string ResilienceMeterName = "Polly";

    public const string ArchiveOutcomes = "archiver.archive.outcomes";
    public const string RecheckOutcomes = "archiver.recheck.outcomes";
    public const string OutcomeTag = "outcome";

    private readonly Counter<long> archiveOutcomes;
    private readonly Counter<long> recheckOutcomes;

    public ArchiverMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        archiveOutcomes = meter.CreateCounter<long>(ArchiveOutcomes, "{citation}", "Citations that reached an outcome in an archive run, by outcome.");
        recheckOutcomes = meter.CreateCounter<long>(RecheckOutcomes, "{tweet}", "Tweets re-checked, by outcome.");
    }

    /// <summary>Every meter the app's telemetry exports.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [MeterName, ResilienceMeterName];

    /// <summary>Counts one archived citation's outcome, a short lower-case word such as <c>archived</c> or <c>pending</c>.</summary>
    public void ArchiveOutcome(string outcome) => archiveOutcomes.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));

    /// <summary>Counts one re-checked tweet's outcome, a short lower-case word such as <c>unchanged</c> or <c>deleted</c>.</summary>
    public void RecheckOutcome(string outcome) => recheckOutcomes.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));
}

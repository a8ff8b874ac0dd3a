using Archiver.Tests.Fakes;

namespace Archiver.Tests.Chaos;

/// <summary>The counts of one chaos run: the faults injected, the archive request's outcomes, and the two audits.</summary>
public sealed record ChaosReport
{
    public required int Tweets { get; init; }

    public required int Seed { get; init; }

    /// <summary>Requests to the tweet and media hosts while faults were on.</summary>
    public required int Requests { get; init; }

    public required IReadOnlyDictionary<FakeFaultKind, int> Faults { get; init; }

    /// <summary>The outcome of each citation in the archive request's answer, counted.</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>After archiving and three re-check rounds, before any upstream change.</summary>
    public required ChaosAudit AfterRechecks { get; init; }

    /// <summary>After the real changes and the rounds that follow them.</summary>
    public required ChaosAudit AfterChanges { get; init; }

    public required TimeSpan Wall { get; init; }

    /// <summary>Wall time of each phase, in order (each ends after its timer runs).</summary>
    public required IReadOnlyList<(string Phase, TimeSpan Wall)> Phases { get; init; }

    public int FaultsInjected => Faults.Values.Sum();

    public double FaultShare => Requests == 0 ? 0 : (double)FaultsInjected / Requests;
}

using System.Globalization;
using Archiver.Tests.Chaos;
using Archiver.Tests.Fakes;

namespace Archiver.Benchmarks.Chaos;

/// <summary>Prints a <see cref="ChaosReport"/>: the faults, the archive answer, the two audits, then each breach.</summary>
internal static class ChaosTable
{
    private const int DetailsPerRule = 5;

    private static readonly Dictionary<FakeFaultKind, string> Names = new()
    {
        [FakeFaultKind.RateLimited] = "429 with Retry-After",
        [FakeFaultKind.ServiceUnavailable] = "503",
        [FakeFaultKind.ConnectionReset] = "connection reset",
        [FakeFaultKind.Stall] = "stall (longer than the attempt timeout)",
        [FakeFaultKind.CutOffJson] = "cut-off JSON",
        [FakeFaultKind.HtmlForJson] = "HTML where JSON belongs",
        [FakeFaultKind.EmptyJson] = "`{}` where JSON belongs",
        [FakeFaultKind.TruncatedMedia] = "truncated media",
        [FakeFaultKind.HtmlForMedia] = "HTML where an image or video belongs",
    };

    public static void Print(ChaosReport report)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"{report.Tweets} tweets, seed {report.Seed}, {report.Wall.TotalSeconds:0.0} s ({string.Join(", ", report.Phases.Select(p => Invariant($"{p.Phase} {p.Wall.TotalSeconds:0.0} s")))})"));
        Console.WriteLine();
        Console.WriteLine("| faults injected | requests |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine(Invariant($"| requests to the tweet and media hosts | {report.Requests:N0} |"));
        foreach (var (kind, name) in Names)
        {
            Console.WriteLine(Invariant($"| {name} | {report.Faults[kind]:N0} |"));
        }

        Console.WriteLine(Invariant($"| all faults | {report.FaultsInjected:N0} ({report.FaultShare:P1}) |"));
        Console.WriteLine();
        Console.WriteLine("| outcome in the archive answer | citations |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (outcome, count) in report.Outcomes.OrderByDescending(o => o.Value))
        {
            Console.WriteLine(Invariant($"| `{outcome}` | {count} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| | after archiving and 3 re-check rounds | after 3 real changes and 5 more rounds |");
        Console.WriteLine("| --- | ---: | ---: |");
        Row("versions written", report.AfterRechecks.Versions, report.AfterChanges.Versions);
        Row("false versions (no upstream change)", report.AfterRechecks.FalseVersionCount, report.AfterChanges.FalseVersionCount);
        Row("tweets whose latest version lacks media", report.AfterRechecks.LacksMedia.Count, report.AfterChanges.LacksMedia.Count);
        Row("false gone statuses", report.AfterRechecks.FalseGone.Count, report.AfterChanges.FalseGone.Count);
        Row("orphan snapshots", report.AfterRechecks.Orphans.Count, report.AfterChanges.Orphans.Count);
        Console.WriteLine(Invariant($"| real changes recorded exactly once | | {report.AfterChanges.ChangesRecorded.Count} of {report.AfterChanges.ChangesRecorded.Count + report.AfterChanges.ChangesMissed.Count} |"));

        var breaches = Breaches(report).ToList();
        if (breaches.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("breaches (at most 5 per rule):");
            foreach (var (rule, lines) in breaches)
            {
                Console.WriteLine(Invariant($"  {rule}: {lines.Count}"));
                foreach (var line in lines.Take(DetailsPerRule))
                {
                    Console.WriteLine($"    {line}");
                }
            }
        }
    }

    /// <summary>Each rule broken, with its lines (none when every rule held).</summary>
    public static IEnumerable<(string Rule, IReadOnlyList<string> Lines)> Breaches(ChaosReport report)
    {
        (string, IReadOnlyList<string>)[] rules =
        [
            ("false versions after the rounds", report.AfterRechecks.FalseVersions),
            ("latest versions lacking media after the rounds", report.AfterRechecks.LacksMedia),
            ("false gone statuses after the rounds", report.AfterRechecks.FalseGone),
            ("orphan snapshots after the rounds", report.AfterRechecks.Orphans),
            ("false versions after the changes", report.AfterChanges.FalseVersions),
            ("latest versions lacking media after the changes", report.AfterChanges.LacksMedia),
            ("false gone statuses after the changes", report.AfterChanges.FalseGone),
            ("orphan snapshots after the changes", report.AfterChanges.Orphans),
            ("real changes not recorded exactly once", report.AfterChanges.ChangesMissed),
        ];
        return rules.Where(r => r.Item2.Count > 0);
    }

    private static void Row(string name, int afterRechecks, int afterChanges) =>
        Console.WriteLine(Invariant($"| {name} | {afterRechecks} | {afterChanges} |"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

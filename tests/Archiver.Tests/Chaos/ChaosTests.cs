using Archiver.Tests.Fakes;

namespace Archiver.Tests.Chaos;

/// <summary>
/// Issue 11: faults never degrade the evidence. One run (<see cref="ChaosRun"/>): 40 tweets with photos, videos and
/// GIFs archived and re-checked three times against an upstream that fails about 30% of its requests in every way it
/// can, then three real changes made under the same faults. Each test checks one rule over that run.
/// </summary>
public sealed class ChaosTests(ChaosFixture fixture) : IClassFixture<ChaosFixture>
{
    private ChaosReport Report => fixture.Report;

    [Fact]
    public void Faults_AQuarterOfRequestsFail_InEveryWay_11()
    {
        Assert.True(Report.FaultShare >= 0.25, $"{Report.FaultsInjected} of {Report.Requests} requests failed ({Report.FaultShare:P1}).");
        Assert.All(Enum.GetValues<FakeFaultKind>(), kind => Assert.True(Report.Faults[kind] > 0, $"no {kind} was injected"));
        Assert.True(Report.Tweets >= 40);
    }

    [Fact]
    public void Rechecks_UnderFaults_EveryLatestVersionHoldsEveryMediaFileWithTheUpstreamsBytes_11() =>
        AssertNone(Report.AfterRechecks.LacksMedia, "tweets whose latest version lacks media");

    [Fact]
    public void Rechecks_UnderFaults_NoVersionWithoutAnUpstreamChange_11() =>
        AssertNone(Report.AfterRechecks.FalseVersions, "tweets with false versions");

    [Fact]
    public void Rechecks_UnderFaults_NoFalseGoneStatus_11() =>
        AssertNone(Report.AfterRechecks.FalseGone, "tweets with a false gone status");

    [Fact]
    public void Rechecks_UnderFaults_EverySnapshotIsReferenced_11() =>
        AssertNone([.. Report.AfterRechecks.Orphans.Union(Report.AfterChanges.Orphans)], "orphan snapshots");

    [Fact]
    public void RealChanges_UnderFaults_EachRecordedExactlyOnce_11()
    {
        AssertNone(Report.AfterChanges.ChangesMissed, "real changes not recorded exactly once");
        Assert.Equal(3, Report.AfterChanges.ChangesRecorded.Count);
    }

    [Fact]
    public void RealChanges_UnderFaults_NothingElseChanges_11()
    {
        AssertNone(Report.AfterChanges.FalseVersions, "tweets with false versions after the changes");
        AssertNone(Report.AfterChanges.LacksMedia, "tweets whose latest version lacks media after the changes");
        AssertNone(Report.AfterChanges.FalseGone, "tweets with a false gone status after the changes");
    }

    private static void AssertNone(IReadOnlyList<string> breaches, string what) =>
        Assert.True(breaches.Count == 0, $"{breaches.Count} {what}:\n{string.Join('\n', breaches)}");
}

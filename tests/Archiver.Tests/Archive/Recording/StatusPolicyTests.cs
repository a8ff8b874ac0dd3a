using Archiver.Archive;
using Archiver.Sources;

namespace Archiver.Tests.Archive;

public sealed class StatusPolicyTests
{
    private static readonly StatusPolicyOptions Options = new();
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static TweetState Captured(TweetStatus status = TweetStatus.Available, Suspicion? suspect = null) => new()
    {
        TweetId = "1",
        Status = status,
        FirstSeenAt = T0,
        Suspect = suspect,
        Versions = [new TweetVersion { Version = "v", CapturedAt = T0, ContentHash = "h", Blob = "b" }],
    };

    [Fact]
    public void OnUnavailable_FirstAnswer_SuspectOnlyStatusKept()
    {
        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(), Unavailability.Deleted, corroborated: true, T0, Options);

        Assert.Equal(TweetStatus.Available, status);
        Assert.Equal(1, suspect!.Checks);
    }

    [Fact]
    public void OnUnavailable_SecondAnswerTooSoon_DoesNotCount()
    {
        var first = StatusPolicy.OnUnavailable(Captured(), Unavailability.Deleted, true, T0, Options).Suspect;

        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(suspect: first), Unavailability.Deleted, true, T0.AddMinutes(59), Options);

        Assert.Equal(TweetStatus.Available, status);
        Assert.Equal(1, suspect!.Checks);
    }

    [Fact]
    public void OnUnavailable_SecondAnswerAnHourLater_Concluded()
    {
        var first = StatusPolicy.OnUnavailable(Captured(), Unavailability.Deleted, true, T0, Options).Suspect;

        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(suspect: first), Unavailability.Deleted, true, T0.AddHours(1), Options);

        Assert.Equal(TweetStatus.Deleted, status);
        Assert.Null(suspect);
    }

    [Fact]
    public void OnUnavailable_NeverCorroborated_NotConcluded()
    {
        var first = StatusPolicy.OnUnavailable(Captured(), Unavailability.Suspended, false, T0, Options).Suspect;

        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(suspect: first), Unavailability.Suspended, false, T0.AddHours(2), Options);

        Assert.Equal(TweetStatus.Available, status);
        Assert.Equal(2, suspect!.Checks);
    }

    [Fact]
    public void OnUnavailable_ReasonChanges_SuspicionStartsOver()
    {
        var first = StatusPolicy.OnUnavailable(Captured(), Unavailability.Deleted, true, T0, Options).Suspect;

        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(suspect: first), Unavailability.Protected, true, T0.AddHours(1), Options);

        Assert.Equal(TweetStatus.Available, status);
        Assert.Equal(Unavailability.Protected, suspect!.Reason);
        Assert.Equal(1, suspect.Checks);
    }

    [Fact]
    public void OnUnavailable_DeletedThenNotFoundFromAPoorerSource_AddsUpToDeleted_Issue11()
    {
        // Syndication's tombstone, then (syndication faulted) only oEmbed's 404: one suspicion, concluded as deleted.
        var first = StatusPolicy.OnUnavailable(Captured(), Unavailability.Deleted, true, T0, Options).Suspect;

        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(suspect: first), Unavailability.NotFound, true, T0.AddHours(1), Options);

        Assert.Equal(TweetStatus.Deleted, status);
        Assert.Null(suspect);
    }

    [Fact]
    public void OnUnavailable_NotFoundThenDeleted_CountsUnderDeleted_Issue11()
    {
        var first = StatusPolicy.OnUnavailable(Captured(), Unavailability.NotFound, false, T0, Options).Suspect;

        var (status, suspect) = StatusPolicy.OnUnavailable(Captured(suspect: first), Unavailability.Deleted, false, T0.AddHours(1), Options);

        Assert.Equal(TweetStatus.Available, status);
        Assert.Equal(Unavailability.Deleted, suspect!.Reason);
        Assert.Equal(2, suspect.Checks);
    }

    [Fact]
    public void OnUnavailable_ConfirmChecksThree_NeedsThree()
    {
        var options = new StatusPolicyOptions { ConfirmChecks = 3 };
        var state = Captured();
        for (var i = 0; i < 2; i++)
        {
            var (s, suspect) = StatusPolicy.OnUnavailable(state, Unavailability.Deleted, true, T0.AddHours(i), options);
            Assert.Equal(TweetStatus.Available, s);
            state = state with { Suspect = suspect };
        }

        Assert.Equal(TweetStatus.Deleted, StatusPolicy.OnUnavailable(state, Unavailability.Deleted, true, T0.AddHours(2), options).Status);
    }

    [Fact]
    public void OnFound_AfterConcludedGone_Restored() =>
        Assert.Equal(TweetStatus.Restored, StatusPolicy.OnFound(Captured(TweetStatus.Deleted)));

    [Fact]
    public void OnFound_FirstCapture_Available() =>
        Assert.Equal(TweetStatus.Available, StatusPolicy.OnFound(null));

    [Fact]
    public void NextCheck_NoChange_MovesAlongTheIntervalsAndStopsAtTheLast()
    {
        var state = Captured() with { IntervalIndex = 3 };

        var (next, index) = StatusPolicy.NextCheck(state, changed: false, T0, Options);
        var (last, lastIndex) = StatusPolicy.NextCheck(state with { IntervalIndex = 4 }, changed: false, T0, Options);

        Assert.Equal((T0 + TimeSpan.FromDays(30), 4), (next, index));
        Assert.Equal((T0 + TimeSpan.FromDays(30), 4), (last, lastIndex));
    }

    [Fact]
    public void NextCheck_AfterAChange_BackToTheFirstInterval() =>
        Assert.Equal((T0 + TimeSpan.FromHours(1), 0), StatusPolicy.NextCheck(Captured() with { IntervalIndex = 4 }, changed: true, T0, Options));
}

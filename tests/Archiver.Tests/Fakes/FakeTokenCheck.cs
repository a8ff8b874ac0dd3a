namespace Archiver.Tests.Fakes;

/// <summary>How strictly the fake syndication endpoint checks <c>token</c>; a failed check answers <c>{}</c> as X does.</summary>
public enum FakeTokenCheck
{
    Off,
    Present,
    Exact,
}

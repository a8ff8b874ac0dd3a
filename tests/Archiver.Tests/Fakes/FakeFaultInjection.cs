namespace Archiver.Tests.Fakes;

/// <summary>One request <see cref="FakeFaults"/> failed: the real URL, which request to it this was (0 for the first), how.</summary>
public sealed record FakeFaultInjection(string Url, int Attempt, FakeFaultKind Kind);

namespace Archiver.Tests.Fakes;

/// <summary>
/// A file the archive should hold for a tweet, as the upstream serves it: its role and index as snapshots name them
/// (<c>media</c> and <c>poster</c> by media index, <c>avatar</c>), the URL downloaded and the SHA-256 of its bytes.
/// </summary>
public sealed record FakeExpectedFile(string Role, int? Index, string Url, string Sha256);

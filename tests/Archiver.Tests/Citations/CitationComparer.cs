using Archiver.Citations;

namespace Archiver.Tests.Citations;

/// <summary>Compares citations by value, occurrences included (records compare lists by reference).</summary>
internal sealed class CitationComparer : IEqualityComparer<Citation>
{
    public static CitationComparer Instance { get; } = new();

    public bool Equals(Citation? x, Citation? y) =>
        x is not null && y is not null
        && x.TweetId == y.TweetId && x.ScreenName == y.ScreenName && x.Url == y.Url && x.ShortLink == y.ShortLink
        && x.Embed == y.Embed && x.Occurrences.SequenceEqual(y.Occurrences);

    public int GetHashCode(Citation obj) => HashCode.Combine(obj.TweetId, obj.ShortLink, obj.Occurrences.Count);
}

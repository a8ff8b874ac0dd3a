namespace Archiver.Archive;

/// <summary>One page of a tag query's matches, and where the next page starts (null when there is none).</summary>
public sealed record TagPage(IReadOnlyList<TaggedBlob> Blobs, string? Continuation);


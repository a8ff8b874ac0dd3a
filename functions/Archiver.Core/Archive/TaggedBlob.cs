namespace Archiver.Archive;

/// <summary>A blob a tag query matched, with the tags the answer carried.</summary>
public sealed record TaggedBlob(string Name, IReadOnlyDictionary<string, string> Tags);

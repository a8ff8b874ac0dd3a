namespace Archiver.Benchmarks.Extraction;

/// <summary>A tweet the corpus cites on purpose: its id, the form it was written in, the raw URL, and the file holding it.</summary>
internal sealed record PlantedCitation(string TweetId, string Form, string Url, string Document);

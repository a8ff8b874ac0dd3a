using Archiver.Citations;

namespace Archiver.Benchmarks.Extraction;

/// <summary>One generated article on disk, in the format its extension says.</summary>
internal sealed record CorpusDocument(string Path, ArticleFormat Format, long Bytes);

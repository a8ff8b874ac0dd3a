namespace Archiver.Benchmarks.Extraction;

/// <summary>The generated articles and the citations planted in them.</summary>
internal sealed record Corpus(string Directory, int Seed, IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<PlantedCitation> Planted)
{
    public long Bytes { get; } = Documents.Sum(d => d.Bytes);

    public double Megabytes => Bytes / 1e6;
}

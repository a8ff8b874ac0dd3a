namespace Archiver.Archive;

/// <summary>A fingerprint of one part of a captured tweet and the source that delivered it.</summary>
public sealed record PartPrint
{
    public required string Source { get; init; }

    /// <summary>Lower-case hex SHA-256 of the part's canonical text.</summary>
    public required string Hash { get; init; }
}

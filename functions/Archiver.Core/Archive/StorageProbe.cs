namespace Archiver.Archive;

/// <summary>What a probe of blob storage found.</summary>
public sealed record StorageProbe(bool Reachable, string Container, bool ContainerExists, string? Problem);

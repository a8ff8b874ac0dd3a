namespace Archiver.Archive;

/// <summary>The author's name and handle in the older and the newer version.</summary>
public sealed record AuthorDiff(string? NameFrom, string? NameTo, string? HandleFrom, string? HandleTo);

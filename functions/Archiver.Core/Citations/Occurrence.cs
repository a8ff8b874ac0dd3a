namespace Archiver.Citations;

/// <summary>A span of the input (UTF-16 code units into the decoded text) that cites a tweet.</summary>
public readonly record struct Occurrence(int Offset, int Length);

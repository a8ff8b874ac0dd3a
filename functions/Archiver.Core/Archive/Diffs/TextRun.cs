namespace Archiver.Archive;

/// <summary>One run of a text diff: <c>equal</c>, <c>deleted</c> or <c>inserted</c>.</summary>
public sealed record TextRun(string Op, string Text);

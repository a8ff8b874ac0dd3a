namespace Archiver.Citations;

/// <summary>What a <see cref="TextScanner"/> pass looks for.</summary>
/// <param name="Signatures">Also read flattened embed signatures (off for raw HTML, whose text is read from the DOM).</param>
/// <param name="Markdown">Markdown quote markers count as white space in quoted tweet text.</param>
internal readonly record struct TextScanOptions(bool Signatures, bool Markdown);

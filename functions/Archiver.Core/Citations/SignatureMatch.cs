namespace Archiver.Citations;

/// <summary>
/// The signature an embed leaves in flattened text, <c>— Display Name (@handle) January 7, 2022</c>, as found:
/// <see cref="DashStart"/> is where the dash begins, <see cref="End"/> is just after the date.
/// </summary>
/// <param name="EndsLine">
/// Whether the date ends its line (or the text, or the Markdown link around it), as a signature's date does; prose
/// that only looks like one goes on after the date (<c>— Jane (@jane) 7 January 2022 — was the first to…</c>).
/// </param>
internal readonly record struct SignatureMatch(int DashStart, int DashEnd, string? AuthorName, string ScreenName, DateOnly Date, int End, bool EndsLine)
{
    public string IsoDate => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

namespace Archiver.Citations;

/// <summary>
/// The signature an embed leaves in flattened text, <c>— Display Name (@handle) January 7, 2022</c>, as found:
/// <see cref="DashStart"/> is where the dash begins, <see cref="End"/> is just after the date.
/// </summary>
internal readonly record struct SignatureMatch(int DashStart, int DashEnd, string? AuthorName, string ScreenName, DateOnly Date, int End)
{
    public string IsoDate => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

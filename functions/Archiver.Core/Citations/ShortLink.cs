namespace Archiver.Citations;

/// <summary>
/// A short link found in text. <c>pic.twitter.com/CODE</c>, <c>pic.x.com/CODE</c> and <c>t.co/CODE</c> with the same
/// (case-sensitive) code lead to the same place (reference 3.2, 3.4), so the code alone identifies the citation.
/// </summary>
/// <param name="IsPicture">Written as <c>pic.twitter.com</c> or <c>pic.x.com</c>: a media link, which resolves to a status.</param>
internal sealed record ShortLink(string Code, bool IsPicture, int Offset, int Length)
{
    /// <summary>
    /// The canonical form of a code: <c>https://pic.twitter.com/CODE</c> when the article showed it as a media link
    /// (pic.x.com included: both are display forms of the same t.co code, and pic.twitter.com is what embed code
    /// still writes), else <c>https://t.co/CODE</c>.
    /// </summary>
    public static string Canonical(string code, bool isPicture) =>
        isPicture ? $"https://pic.twitter.com/{code}" : $"https://t.co/{code}";
}

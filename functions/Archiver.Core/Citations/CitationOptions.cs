using System.ComponentModel.DataAnnotations;

namespace Archiver.Citations;

/// <summary>Settings of the citation finder (configuration section <c>Archiver:Citations</c>).</summary>
public sealed class CitationOptions
{
    public const string SectionName = "Archiver:Citations";

    /// <summary>16 Mi characters: well above the endpoint's 5 MiB body limit, well below what would strain memory.</summary>
    public const int DefaultMaxInputLength = 16 * 1024 * 1024;

    /// <summary>
    /// Front-end mirrors besides the built-in ones (Nitter instances come and go), e.g. <c>nitter.example.org</c>;
    /// <c>www.</c> is accepted in front of each. Links on these hosts with status paths cite the tweet.
    /// </summary>
    public List<string> ExtraMirrorHosts { get; set; } = [];

    /// <summary>Longest input, in UTF-16 code units, that <see cref="CitationExtractor.Extract"/> accepts.</summary>
    [Range(1, int.MaxValue)]
    public int MaxInputLength { get; set; } = DefaultMaxInputLength;
}

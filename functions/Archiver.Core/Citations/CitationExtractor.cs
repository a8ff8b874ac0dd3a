namespace Archiver.Citations;

/// <summary>
/// Finds every tweet an article cites (DESIGN.md, "A citation"). Immutable and thread-safe: one instance serves the
/// whole process.
/// </summary>
public sealed class CitationExtractor
{
    private readonly int maxInputLength;
    private readonly TextScanner scanner;
    private readonly HtmlCitationReader html;

    public CitationExtractor()
        : this(new CitationOptions())
    {
    }

    public CitationExtractor(CitationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInputLength, 1, nameof(options));
        maxInputLength = options.MaxInputLength;
        var hosts = options.ExtraMirrorHosts.Count == 0 ? TweetHosts.Default : new TweetHosts(options.ExtraMirrorHosts);
        scanner = new TextScanner(hosts);
        html = new HtmlCitationReader(scanner);
    }

    /// <summary>
    /// The citations in <paramref name="input"/>, one per cited tweet, in order of first occurrence. Offsets are
    /// UTF-16 code units into <paramref name="input"/> itself (for HTML, into the markup; see <see cref="HtmlCitationReader"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The input is longer than <see cref="CitationOptions.MaxInputLength"/>.</exception>
    public IReadOnlyList<Citation> Extract(string input, ArticleFormat format)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length > maxInputLength)
        {
            throw new ArgumentException(
                $"The article has {input.Length} characters; the citation finder reads at most {maxInputLength}.", nameof(input));
        }

        var findings = new List<Finding>();
        switch (format)
        {
            case ArticleFormat.Text:
                scanner.Scan(input, new TextScanOptions(Signatures: true, Markdown: false), findings);
                break;
            case ArticleFormat.Markdown:
                // Plain scanning covers inline links, autolinks and reference definitions: a URL stops at the ')' or
                // '>' that closes them. Markdown may also carry raw HTML embed code.
                scanner.Scan(input, new TextScanOptions(Signatures: true, Markdown: true), findings);
                html.ReadEmbeds(input, findings);
                break;
            case ArticleFormat.Html:
                html.Read(input, findings);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, $"'{format}' is not an article format.");
        }

        return CitationMerger.Merge(findings);
    }
}

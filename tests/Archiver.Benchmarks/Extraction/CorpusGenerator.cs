using System.Globalization;
using System.Text;
using Archiver.Citations;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Writes a deterministic corpus (same seed, same bytes) of articles of 10 to 100 KB, taking turns between
/// plain text, HTML and Markdown, as UTF-8 files into a directory both engines read.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Corpus Generate(string directory, long targetBytes, int seed)
    {
        var prose = new Prose(new Random(seed));
        var planter = new CitationPlanter(prose);
        var documents = new List<CorpusDocument>();
        long bytes = 0;
        for (var n = 0; bytes < targetBytes; n++)
        {
            var format = (n % 3) switch { 0 => ArticleFormat.Text, 1 => ArticleFormat.Html, _ => ArticleFormat.Markdown };
            var name = string.Create(CultureInfo.InvariantCulture, $"article-{n:D5}{Extension(format)}");
            planter.Document = name;
            var targetChars = prose.Random.Next(10_000, 100_000);
            var text = format switch
            {
                ArticleFormat.Text => TextArticleWriter.Write(prose, planter, targetChars),
                ArticleFormat.Html => HtmlArticleWriter.Write(prose, planter, targetChars),
                _ => MarkdownArticleWriter.Write(prose, planter, targetChars),
            };
            var content = Utf8.GetBytes(text);
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path, content);
            documents.Add(new CorpusDocument(path, format, content.Length));
            bytes += content.Length;
        }

        return new Corpus(directory, seed, documents, planter.Planted);
    }

    public static string Extension(ArticleFormat format) => format switch
    {
        ArticleFormat.Text => ".txt",
        ArticleFormat.Html => ".html",
        ArticleFormat.Markdown => ".md",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No file extension for this format."),
    };

    public static ArticleFormat FormatOf(string extension) => extension switch
    {
        ".txt" => ArticleFormat.Text,
        ".html" => ArticleFormat.Html,
        ".md" => ArticleFormat.Markdown,
        _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, "Not a corpus file extension."),
    };
}

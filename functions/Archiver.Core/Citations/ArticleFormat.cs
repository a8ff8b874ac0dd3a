namespace Archiver.Citations;

/// <summary>How the article text is written.</summary>
public enum ArticleFormat
{
    Text,
    Html,
    Markdown,
}

using Archiver.Archive;
using Archiver.Citations;

namespace Archiver.Functions.Articles;

/// <summary>An article as uploaded or fetched: its decoded text, how it is written, and the fetched page if any.</summary>
public sealed record Article(string Text, ArticleFormat Format, FetchedPage? Fetched = null);

/// <summary>A fetched article page: what the submission records, and the body to keep under <c>raw/</c>.</summary>
public sealed record FetchedPage(ArticlePage Page, byte[] Body);

using Archiver.Citations;

namespace Archiver.Functions.Articles;

/// <summary>An article as uploaded: its decoded text and how it is written.</summary>
public sealed record Article(string Text, ArticleFormat Format);

namespace Archiver.Functions.Articles;

/// <summary>The JSON form of an upload: exactly one of the three members.</summary>
public sealed record ArticleRequest(string? Text, string? Html, string? Markdown);

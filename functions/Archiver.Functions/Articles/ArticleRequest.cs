namespace Archiver.Functions.Articles;

/// <summary>The JSON form of an upload: exactly one of the members; <c>url</c> has the article fetched from its address.</summary>
public sealed record ArticleRequest(string? Text, string? Html, string? Markdown, string? Url = null);

using Archiver.Citations;
using Archiver.Functions.Articles;
using Archiver.Functions.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Endpoints;

/// <summary><c>POST /api/extract</c>: the citations an article makes; nothing is fetched or stored.</summary>
public static class ExtractApi
{
    internal static async Task<Results<Ok<ExtractResponse>, JsonHttpResult<ApiError>>> ExtractAsync(
        HttpRequest request, ArticleReader reader, CitationExtractor extractor, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var citations = extractor.Extract(read.Article.Text, read.Article.Format);
        return TypedResults.Ok(new ExtractResponse(read.Article.Format.ToString().ToLowerInvariant(), citations.Count, citations) { Article = read.Article.Fetched?.Page });
    }
}

public sealed record ExtractResponse(string Format, int Count, IReadOnlyList<Citation> Citations)
{
    /// <summary>The fetched page, when the article was given by its address (nothing is stored: no <c>raw</c>).</summary>
    public Archiver.Archive.ArticlePage? Article { get; init; }
}

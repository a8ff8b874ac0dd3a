using System.Diagnostics.CodeAnalysis;
using Archiver.Functions.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Articles;

/// <summary>Either the article or the error answer that explains why it could not be read.</summary>
public sealed record ArticleReadResult(Article? Article, JsonHttpResult<ApiError>? Error)
{
    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Article is not null;
}

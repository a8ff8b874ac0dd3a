using Archiver.Citations;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Articles;

/// <summary>
/// The body limit and the citation finder's input limit are one limit seen from two sides: a body of N bytes decodes
/// to at most N characters, so a body the endpoint accepts must never be longer than the finder reads.
/// </summary>
internal sealed class ArticleOptionsValidator(IOptions<CitationOptions> citations) : IValidateOptions<ArticleOptions>
{
    public ValidateOptionsResult Validate(string? name, ArticleOptions options)
    {
        var maxInput = citations.Value.MaxInputLength;
        return options.MaxBodyBytes <= maxInput
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ArticleOptions.Section}:{nameof(ArticleOptions.MaxBodyBytes)} ({options.MaxBodyBytes}) must not exceed " +
                $"{CitationOptions.SectionName}:{nameof(CitationOptions.MaxInputLength)} ({maxInput} characters): raise both together.");
    }
}

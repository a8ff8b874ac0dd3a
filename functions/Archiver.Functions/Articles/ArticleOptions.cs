using System.ComponentModel.DataAnnotations;

namespace Archiver.Functions.Articles;

/// <summary>Settings of section <c>Archiver:Articles</c>: what an article upload may be.</summary>
public sealed class ArticleOptions
{
    public const string Section = "Archiver:Articles";

    /// <summary>Largest accepted request body, in bytes (default 5 MiB).</summary>
    [Range(1, 100 * 1024 * 1024, ErrorMessage = "Archiver:Articles:MaxBodyBytes must be between 1 and 104857600.")]
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
}

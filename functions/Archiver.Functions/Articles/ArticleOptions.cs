using System.ComponentModel.DataAnnotations;

namespace Archiver.Functions.Articles;

/// <summary>Settings of section <c>Archiver:Articles</c>: what an article upload or fetched page may be.</summary>
public sealed class ArticleOptions
{
    public const string Section = "Archiver:Articles";

    /// <summary>Largest accepted request body, in bytes (default 5 MiB).</summary>
    [Range(1, 100 * 1024 * 1024, ErrorMessage = "Archiver:Articles:MaxBodyBytes must be between 1 and 104857600.")]
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Longest an article fetched by its address may take, redirects and body included (default 20 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Archiver:Articles:FetchTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

using System.ComponentModel.DataAnnotations;

namespace Archiver.Archive;

/// <summary>Settings of section <c>Archiver:Storage</c> (DESIGN.md, "Configuration").</summary>
public sealed class StorageOptions
{
    public const string Section = "Archiver:Storage";

    /// <summary>Blob connection string; falls back to <c>AzureWebJobsStorage</c>, then to Azurite's development storage.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint used with DefaultAzureCredential when no connection string is set.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>The container that holds the archive.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Archiver:Storage:Container must be a valid blob container name (3-63 lower-case letters, digits and single hyphens).")]
    public string Container { get; set; } = "archive";

    /// <summary>
    /// How blob index tag queries are answered: <c>Auto</c> (the service's index, but a listing on Azurite, which
    /// answers tag queries from one page of names), <c>Index</c> or <c>Listing</c>.
    /// </summary>
    [EnumDataType(typeof(TagQueryMode), ErrorMessage = "Archiver:Storage:TagQueries must be Auto, Index or Listing.")]
    public TagQueryMode TagQueries { get; set; } = TagQueryMode.Auto;
}

using Microsoft.Extensions.Options;

namespace Archiver.Evidence;

/// <summary>The rules of <see cref="EvidenceOptions"/> that attributes cannot say.</summary>
internal sealed class EvidenceOptionsValidator : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options) =>
        options.TimestampAuthorityUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            ? ValidateOptionsResult.Fail($"Archiver:Evidence:TimestampAuthorityUrl must be an absolute http(s) URL, not '{url.OriginalString}'.")
            : ValidateOptionsResult.Success;
}

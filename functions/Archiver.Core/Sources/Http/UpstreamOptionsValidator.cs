using Microsoft.Extensions.Options;

namespace Archiver.Sources;

/// <summary>The cross-field rules of <see cref="UpstreamOptions"/>; the single-field ones are attributes.</summary>
internal sealed class UpstreamOptionsValidator : IValidateOptions<UpstreamOptions>
{
    public ValidateOptionsResult Validate(string? name, UpstreamOptions options)
    {
        var failures = new List<string>();
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"Archiver:Upstream:AttemptTimeout ({options.AttemptTimeout}) must not exceed Archiver:Upstream:TotalTimeout ({options.TotalTimeout}).");
        }

        foreach (var (host, baseUrl) in options.HostMap)
        {
            if (!UpstreamHosts.Allowed.Contains(host))
            {
                failures.Add($"Archiver:Upstream:HostMap:{host} names a host that is not on the upstream allow-list.");
            }

            if (baseUrl is null || !baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(baseUrl.Query))
            {
                failures.Add($"Archiver:Upstream:HostMap:{host} must be an absolute http(s) base URL without a query, not '{baseUrl}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

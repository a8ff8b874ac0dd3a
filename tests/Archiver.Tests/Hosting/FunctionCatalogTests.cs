using System.Text.RegularExpressions;
using Archiver.Functions.Hosting;
using Archiver.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Hosting;

/// <summary>
/// The <c>[Function]</c> attributes are the one route table: the host reads them (as functions.metadata) and the
/// standalone app serves exactly what they declare, both ways.
/// </summary>
public sealed class FunctionCatalogTests(AzuriteFixture azurite)
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.ForApp();

    [Fact]
    public void Catalog_App_DeclaresEveryFunctionOfTheApi()
    {
        Assert.Equal(
            ["App", "Archive", "Extract", "GetBundle", "GetDiff", "GetMedia", "GetSnapshot", "GetSubmission", "GetTweet", "Health", "ListSubmissions", "ListTweets", "RecheckLinks", "RecheckTweet"],
            Catalog.Functions.Select(f => f.Name).Where(n => Expected.Contains(n)).Order(StringComparer.Ordinal));
        Assert.Contains(Catalog.Functions, f => f is { Name: "Health", Route: "health", IsAnonymous: true });
        Assert.Contains(Catalog.Functions, f => f is { Name: "App", Route: "app/{*path}", IsAnonymous: true });
        Assert.Contains(Catalog.Functions, f => f is { Name: "Extract", Route: "extract", IsAnonymous: false } && f.Methods.SequenceEqual(new[] { "POST" }));
        Assert.Contains(Catalog.Functions, f => f.Name == "RecheckLinks" && f.Timer is { Schedule: "%Archiver__Recheck__Schedule%" } && f.Http is null);
    }

    [Fact]
    public void Catalog_EveryFunction_KeepsTheHostsRules()
    {
        var functionName = new Regex("^[a-z][a-z0-9_\\-]{0,127}$", RegexOptions.IgnoreCase);
        foreach (var function in Catalog.Functions)
        {
            Assert.Matches(functionName, function.Name);
            Assert.True(function.Http is not null ^ function.Timer is not null, $"{function.Name}: one trigger, HTTP or timer.");
            if (function.Http is { } http)
            {
                var route = function.Route!.Trim('/');
                Assert.False(route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase), $"{function.Name}: route '{route}' clashes with the host's own routes.");
                Assert.NotEmpty(function.Methods);
                Assert.Contains(http.AuthLevel, new[] { AuthorizationLevel.Anonymous, AuthorizationLevel.Function });
            }
        }

        var overlapping = Catalog.HttpFunctions
            .SelectMany(f => f.Methods.Select(m => (Key: $"{m} {f.Route!.ToLowerInvariant()}", f.Name)))
            .GroupBy(x => x.Key)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(overlapping);
        Assert.Equal(Catalog.Functions.Count, Catalog.Functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Standalone_EveryHttpFunction_IsServedWithItsMethodsAndAuthLevel()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var endpoints = ApiEndpoints(app);

        foreach (var function in Catalog.HttpFunctions)
        {
            var served = endpoints.Where(e => SameRoute(e.Route, function.PublicPath)).ToArray();
            Assert.True(served.Length > 0, $"{function.Name} declares {function.PublicPath}, which standalone does not serve.");
            foreach (var method in function.Methods)
            {
                var matching = served.Where(e => e.Methods.Contains(method)).ToArray();
                Assert.True(matching.Length == 1, $"{function.Name}: {method} {function.PublicPath} is declared but not served.");
                Assert.Equal(function.IsAnonymous, matching[0].Anonymous);
            }
        }
    }

    [Fact]
    public async Task Standalone_EveryApiEndpoint_IsAFunction()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        foreach (var endpoint in ApiEndpoints(app))
        {
            foreach (var method in endpoint.Methods)
            {
                Assert.True(
                    Catalog.HttpFunctions.Any(f => SameRoute(endpoint.Route, f.PublicPath) && f.Methods.Contains(method)),
                    $"{method} {endpoint.Route} is served but no [Function] declares it, so the host would never route it.");
            }
        }
    }

    [Fact]
    public async Task Standalone_EveryTimerFunction_HasAnAdminRoute()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();

        foreach (var timer in Catalog.Timers)
        {
            Assert.Contains($"/admin/functions/{timer.Name}", routes);
        }
    }

    private static readonly HashSet<string> Expected =
        ["App", "Archive", "Extract", "GetBundle", "GetDiff", "GetMedia", "GetSnapshot", "GetSubmission", "GetTweet", "Health", "ListSubmissions", "ListTweets", "RecheckLinks", "RecheckTweet"];

    private static bool SameRoute(string served, string declared) =>
        string.Equals(served.TrimEnd('/'), declared.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<(string Route, HashSet<string> Methods, bool Anonymous)> ApiEndpoints(ArchiverApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(x => x.Route.StartsWith("/api/", StringComparison.Ordinal))
            .Select(x => (x.Route,
                x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToHashSet() ?? [],
                x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .ToArray();
}

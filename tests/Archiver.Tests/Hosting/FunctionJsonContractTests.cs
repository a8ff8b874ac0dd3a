using System.Text.RegularExpressions;
using Archiver.Functions.Hosting;
using Archiver.Functions.Timers;
using Archiver.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Hosting;

/// <summary>The function.json files the host reads and the routes the handler serves must agree, both ways.</summary>
public sealed class FunctionJsonContractTests(AzuriteFixture azurite)
{
    private static readonly FunctionManifest Manifest = FunctionManifest.Load(AppContext.BaseDirectory);

    [Fact]
    public void Manifest_ScriptRoot_DeclaresTheApiAndTheTimer()
    {
        Assert.Contains(Manifest.Functions, f => f is { Name: "Health", IsHttp: true, Route: "health", AuthLevel: "anonymous" });
        Assert.Contains(Manifest.Functions, f => f is { Name: "Extract", IsHttp: true, Route: "extract", AuthLevel: "function" });
        Assert.Contains(Manifest.Functions, f => f is { Name: "RecheckLinks", IsTimer: true, Schedule: "%Archiver__Recheck__Schedule%", BindingName: "timer" });
    }

    [Fact]
    public void Manifest_EveryFunction_KeepsTheHostsRules()
    {
        var functionName = new Regex("^[a-z][a-z0-9_\\-]{0,127}$", RegexOptions.IgnoreCase);
        var bindingName = new Regex("^([a-z][a-z0-9]*|\\$return)$", RegexOptions.IgnoreCase);
        foreach (var function in Manifest.Functions)
        {
            Assert.Matches(functionName, function.Name);
            Assert.Matches(bindingName, function.BindingName);
            if (function.IsHttp)
            {
                var route = function.Route!.Trim('/');
                Assert.False(route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase), $"{function.Name}: route '{route}' clashes with the host's own routes.");
                Assert.NotEmpty(function.Methods);
            }
        }

        var overlapping = Manifest.HttpFunctions
            .SelectMany(f => f.Methods.Select(m => (Key: $"{m} {f.Route!.ToLowerInvariant()}", f.Name)))
            .GroupBy(x => x.Key)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(overlapping);
    }

    [Fact]
    public async Task Handler_EveryHttpFunctionJson_IsServedWithItsMethodsAndAuthLevel()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var endpoints = ApiEndpoints(app);

        foreach (var function in Manifest.HttpFunctions)
        {
            var served = endpoints.Where(e => SameRoute(e.Route, function.PublicPath)).ToArray();
            Assert.True(served.Length > 0, $"function.json of {function.Name} declares {function.PublicPath}, which the handler does not serve.");
            foreach (var method in function.Methods)
            {
                var matching = served.Where(e => e.Methods.Contains(method)).ToArray();
                Assert.True(matching.Length == 1, $"{function.Name}: {method} {function.PublicPath} is declared but not served.");
                var endpoint = matching[0];
                Assert.Equal(function.AuthLevel == "anonymous", endpoint.Anonymous);
            }
        }
    }

    [Fact]
    public async Task Handler_EveryApiEndpoint_HasAFunctionJson()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        foreach (var endpoint in ApiEndpoints(app))
        {
            foreach (var method in endpoint.Methods)
            {
                Assert.True(
                    Manifest.HttpFunctions.Any(f => SameRoute(endpoint.Route, f.PublicPath) && f.Methods.Contains(method)),
                    $"{method} {endpoint.Route} is served but no function.json declares it, so the host would never forward it.");
            }
        }
    }

    [Fact]
    public async Task Handler_EveryTimerFunctionJson_HasCodeAndAnInvocationRoute()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var timers = app.Services.GetServices<ITimerFunction>().Select(t => t.Name).ToHashSet();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();

        foreach (var timer in Manifest.Timers)
        {
            Assert.Contains(timer.Name, timers);
            Assert.Contains($"/{timer.Name}", routes);
        }
    }

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

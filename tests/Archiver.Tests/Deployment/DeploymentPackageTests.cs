using System.IO.Compression;
using System.Text.Json;
using Archiver.Functions.Hosting;
using Archiver.Tests.Hosting;

namespace Archiver.Tests.Deployment;

/// <summary>
/// The zip <c>scripts/package.sh</c> makes is a worker root Azure can run as <c>dotnet-isolated</c>: host.json,
/// functions.metadata, worker.config.json naming an assembly in the zip, extensions.json and <c>.azurefunctions/</c>
/// at the root; every function of the app described; HTTP routes neither overlap nor step on the host's own paths.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DeploymentPackageTests(DeploymentPackage package)
{
    [Fact]
    public void Zip_WorkerConfig_NamesTheWorkerAssemblyInTheZip()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        using var config = ReadJson(zip, "worker.config.json");

        var description = config.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("Archiver.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
        Assert.Contains(zip.Entries, e => e.FullName == "Archiver.Functions.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "Archiver.Functions.runtimeconfig.json");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith('/') || e.FullName.StartsWith("./", StringComparison.Ordinal) || e.FullName.Contains('\\'));
    }

    [Fact]
    public void Zip_HostJsonAndExtensions_AreTheWorkersAtTheRoot()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        using var host = ReadJson(zip, "host.json");
        using var extensions = ReadJson(zip, "extensions.json");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _), "host.json still describes a custom handler.");
        var loader = extensions.RootElement.GetProperty("extensions").EnumerateArray().Single().GetProperty("hintPath").GetString()!;
        Assert.StartsWith("./.azurefunctions/", loader, StringComparison.Ordinal);
        Assert.Contains(zip.Entries, e => e.FullName == loader["./".Length..]);
        Assert.DoesNotContain(zip.Entries, e => e.Name == "function.json");
    }

    [Fact]
    public void Zip_FunctionsMetadata_DescribesEveryFunctionOfTheApp()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var functions = Functions(zip);

        Assert.Equal(
            FunctionCatalog.ForApp().Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
            functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(functions, f => Assert.True(f.IsHttp || f.IsTimer, $"{f.Name}: unexpected trigger {f.Trigger}."));
        Assert.Contains(functions, f => f is { Name: "RecheckLinks", IsTimer: true, Schedule: "%Archiver__Recheck__Schedule%" });
        Assert.Contains(functions, f => f is { Name: "Health", IsHttp: true, Route: "health", AuthLevel: "Anonymous" });
    }

    [Fact]
    public void Zip_HttpRoutes_DoNotOverlap()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var http = Functions(zip).Where(f => f.IsHttp).ToArray();

        var overlaps =
            from a in http
            from b in http
            where string.CompareOrdinal(a.Name, b.Name) < 0 && MethodsOverlap(a, b) && RoutesOverlap(a.Route!, b.Route!)
            select $"{a.Name} ({string.Join(',', a.Methods)} {a.Route}) and {b.Name} ({string.Join(',', b.Methods)} {b.Route})";

        Assert.Empty(overlaps);
    }

    [Fact]
    public void Zip_HttpRoutes_AvoidTheHostsReservedPrefixes()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var reserved = Functions(zip)
            .Where(f => f.IsHttp && (f.Route!.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase)
                || f.Route.TrimStart('/').StartsWith("runtime", StringComparison.OrdinalIgnoreCase)))
            .Select(f => $"{f.Name}: {f.Route}");

        Assert.Empty(reserved);
    }

    [Fact]
    public void RoutesOverlap_SampleTemplates_FindsSharedPaths()
    {
        // The overlap rule itself: any path both templates would accept counts, parameters match any segment.
        Assert.True(RoutesOverlap("tweets/{id}", "tweets/{tweetId}"));
        Assert.True(RoutesOverlap("tweets/{id}", "tweets/recent"));
        Assert.True(RoutesOverlap("tweets/{id?}", "tweets"));
        Assert.True(RoutesOverlap("files/{*path}", "files/a/b"));
        Assert.True(RoutesOverlap("Health", "health"));
        Assert.False(RoutesOverlap("tweets/{id}", "tweets/{id}/bundle"));
        Assert.False(RoutesOverlap("tweets/{id}/bundle", "tweets/{id}/recheck"));
        Assert.False(RoutesOverlap("extract", "archive"));
    }

    private static JsonDocument ReadJson(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"The package has no {path} at its root.");
        using var stream = entry.Open();
        return JsonDocument.Parse(stream);
    }

    /// <summary>functions.metadata at the root, as the host reads it.</summary>
    private static IReadOnlyList<WorkerFunction> Functions(ZipArchive zip)
    {
        var entry = zip.GetEntry("functions.metadata") ?? throw new Xunit.Sdk.XunitException("The package has no functions.metadata at its root.");
        using var reader = new StreamReader(entry.Open());
        return WorkerFunction.ParseMetadataFile(reader.ReadToEnd());
    }

    private static bool MethodsOverlap(WorkerFunction a, WorkerFunction b) =>
        a.Methods.Count == 0 || b.Methods.Count == 0 || a.Methods.Intersect(b.Methods, StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>Whether some request path matches both route templates (literals compare case-insensitively).</summary>
    internal static bool RoutesOverlap(string a, string b) =>
        Match(a.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries), 0, b.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries), 0);

    private static bool Match(string[] x, int i, string[] y, int j)
    {
        if ((i < x.Length && IsCatchAll(x[i])) || (j < y.Length && IsCatchAll(y[j])))
        {
            return true;
        }

        if (i == x.Length || j == y.Length)
        {
            return x.Skip(i).All(IsOptional) && y.Skip(j).All(IsOptional);
        }

        if ((IsOptional(x[i]) && Match(x, i + 1, y, j)) || (IsOptional(y[j]) && Match(x, i, y, j + 1)))
        {
            return true;
        }

        var segmentsMeet = IsParameter(x[i]) || IsParameter(y[j]) || string.Equals(x[i], y[j], StringComparison.OrdinalIgnoreCase);
        return segmentsMeet && Match(x, i + 1, y, j + 1);
    }

    private static bool IsParameter(string segment) => segment.Contains('{');

    private static bool IsOptional(string segment) => segment.StartsWith('{') && segment.EndsWith("?}", StringComparison.Ordinal);

    private static bool IsCatchAll(string segment) => segment.StartsWith("{*", StringComparison.Ordinal);
}

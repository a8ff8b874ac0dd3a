using System.IO.Compression;
using System.Text.Json;
using Archiver.Functions.Hosting;

namespace Archiver.Tests.Deployment;

/// <summary>
/// The zip <c>scripts/package.sh</c> makes is a Functions script root Azure can run: the handler keeps its execute
/// bit, host.json sits at the root and names a file in the zip, every function.json parses, and the HTTP routes
/// neither overlap nor step on the host's own paths.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DeploymentPackageTests(DeploymentPackage package)
{
    private const int UnixFileTypeMask = 0xF000; // S_IFMT
    private const int UnixRegularFile = 0x8000; // S_IFREG
    private const int UnixExecuteBits = 0x49; // 0o111: owner, group, other

    [Fact]
    public void Zip_Handler_KeepsItsExecuteBits()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var handler = zip.GetEntry(HandlerPath(zip));

        Assert.NotNull(handler);
        var mode = handler.ExternalAttributes >>> 16;
        Assert.True((mode & UnixFileTypeMask) == UnixRegularFile, $"{handler.FullName} is not stored as a regular Unix file (mode {Convert.ToString(mode, 8)}).");
        Assert.True((mode & UnixExecuteBits) == UnixExecuteBits, $"{handler.FullName} has mode {Convert.ToString(mode & 0x1FF, 8)}; it needs the execute bits.");
    }

    [Fact]
    public void Zip_HostJson_IsAtTheRootAndNamesAFileInTheZip()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        using var host = ReadJson(zip, "host.json");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        var handler = host.RootElement.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        var executable = handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString();
        Assert.False(string.IsNullOrEmpty(executable));
        Assert.Contains(zip.Entries, e => e.FullName == executable);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith('/') || e.FullName.StartsWith("./", StringComparison.Ordinal) || e.FullName.Contains('\\'));
    }

    [Fact]
    public void Zip_EveryFunctionJson_ParsesAndMatchesTheApp()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var functions = Functions(zip);

        Assert.Equal(
            FunctionManifest.Load(AppContext.BaseDirectory).Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
            functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(functions, f => Assert.True(f.IsHttp || f.IsTimer, $"{f.Name}: unexpected trigger {f.Trigger}."));
        Assert.Contains(functions, f => f is { Name: "RecheckLinks", IsTimer: true, Schedule: "%Archiver__Recheck__Schedule%" });
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

    private static string HandlerPath(ZipArchive zip)
    {
        using var host = ReadJson(zip, "host.json");
        return host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
    }

    private static JsonDocument ReadJson(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"The package has no {path} at its root.");
        using var stream = entry.Open();
        return JsonDocument.Parse(stream);
    }

    /// <summary>Every <c>{name}/function.json</c> one level below the root, parsed as the handler and the host read it.</summary>
    private static List<FunctionDefinition> Functions(ZipArchive zip) =>
        zip.Entries
            .Where(e => e.FullName.Count(c => c == '/') == 1 && e.Name == "function.json")
            .Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return FunctionManifest.Parse(e.FullName[..e.FullName.IndexOf('/')], reader.ReadToEnd());
            })
            .ToList();

    private static bool MethodsOverlap(FunctionDefinition a, FunctionDefinition b) =>
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

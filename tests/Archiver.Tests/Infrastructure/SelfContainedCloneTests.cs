namespace Archiver.Tests.Infrastructure;

/// <summary>A clone needs nothing beside it: the tests and README's examples read files inside the repository.</summary>
public sealed class SelfContainedCloneTests
{
    /// <summary>How the repository once reached outside itself for the sample, spelled in two parts so this file does not match.</summary>
    private static readonly string OutsideSample = string.Concat("shared/", "samples/");

    [Fact]
    public void SeedArticle_IsInsideTheRepository_Issue13()
    {
        var path = Path.GetFullPath(RepositoryPaths.SeedArticle);

        Assert.StartsWith(Path.GetFullPath(RepositoryPaths.Root) + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.Contains("(@jardemalie) January 7, 2022", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void TestsScriptsAndReadme_ReadNoSampleFromOutsideTheRepository_Issue13()
    {
        var root = RepositoryPaths.Root;
        var files = new[] { "tests", "scripts", ".ci", "functions" }
            .Select(dir => Path.Combine(root, dir))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(file) is ".cs" or ".sh" or ".js" or ".json" or "")
            .Append(Path.Combine(root, "README.md"));

        var offenders = files.Where(file => File.ReadAllText(file).Contains(OutsideSample, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file));

        Assert.Empty(offenders);
    }
}

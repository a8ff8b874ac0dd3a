namespace Archiver.Tests.Infrastructure;

/// <summary>Where the repository and its neighbours are, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "Archiver.sln")))
        ?? throw new InvalidOperationException($"No Archiver.sln above {AppContext.BaseDirectory}.");

    /// <summary>The sample article README's examples use, kept in the repository so that a clone is self-contained.</summary>
    public static string SeedArticle { get; } = Path.Combine(Root, "samples", "seed-article.txt");

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

namespace Archiver.Tests.Infrastructure;

/// <summary>Where the repository and its neighbours are, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "Archiver.sln")))
        ?? throw new InvalidOperationException($"No Archiver.sln above {AppContext.BaseDirectory}.");

    /// <summary>The project's shared folder beside the clone (CI lays it there), holding the sample articles.</summary>
    public static string SeedArticle
    {
        get
        {
            var dir = FindUp(Root, d => File.Exists(Path.Combine(d, "shared", "samples", "seed-article.txt")))
                ?? throw new InvalidOperationException($"shared/samples/seed-article.txt was not found beside {Root} or any folder above it.");
            return Path.Combine(dir, "shared", "samples", "seed-article.txt");
        }
    }

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

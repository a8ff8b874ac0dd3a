namespace Archiver.Tests.Citations;

/// <summary>The project's seed article, read from <c>shared/samples/</c> beside an ancestor of the test binaries.</summary>
internal static class SeedArticle
{
    public static async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "samples", "seed-article.txt");
            if (File.Exists(candidate))
            {
                return await File.ReadAllTextAsync(candidate, cancellationToken);
            }
        }

        throw new FileNotFoundException(
            $"No 'shared/samples/seed-article.txt' beside any ancestor of '{AppContext.BaseDirectory}'. "
            + "The seed article lives in the shared folder next to the repository checkout.");
    }
}

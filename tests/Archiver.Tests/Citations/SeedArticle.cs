using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Citations;

/// <summary>The project's seed article, kept in the repository at <c>samples/seed-article.txt</c>.</summary>
internal static class SeedArticle
{
    public static Task<string> ReadAsync(CancellationToken cancellationToken) => File.ReadAllTextAsync(RepositoryPaths.SeedArticle, cancellationToken);
}

using Archiver.Tests.Infrastructure;
using NetArchTest.Rules;

namespace Archiver.Tests.Archive;

/// <summary>
/// Archive and Recheck depend one way only (issue 11, "The shape this asks for"): re-checking builds on archiving, and
/// nothing that archives or records a check uses a type of <c>Archiver.Recheck</c>. NetArchTest reads the compiled
/// code (signatures and method bodies, lambdas and async state machines included, which compile to nested types).
/// </summary>
public sealed class ArchiveDependencyTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Archiver.Archive.ArchiveStore).Assembly;

    /// <summary>
    /// Every type of <c>Archiver.Recheck</c> by full name. Not the namespace name itself: NetArchTest also reads string
    /// constants as possible type names, and the settings keys <c>Archiver:Recheck:…</c> would then count as uses.
    /// </summary>
    private static readonly string[] RecheckTypes =
        [.. Core.GetTypes().Where(type => type.Namespace == "Archiver.Recheck" && !type.IsNested).Select(type => type.FullName!)];

    /// <summary>
    /// The types of <c>Archiver.Archive</c> (and of any namespace under it): NetArchTest matches the start of the full
    /// name, and the dot keeps out a namespace that only begins alike (<c>Archiver.Archives</c>).
    /// </summary>
    private static PredicateList ArchiveTypes() => Types.InAssembly(Core).That().ResideInNamespace("Archiver.Archive.");

    [Fact]
    public void ArchiveNamespace_CompiledCode_UsesNoRecheckType_Issue11()
    {
        var result = ArchiveTypes().ShouldNot().HaveDependencyOnAny(RecheckTypes).GetResult();

        Assert.Contains("Archiver.Recheck.TweetRechecker", RecheckTypes);
        Assert.True(result.IsSuccessful, $"Archive types that use Archiver.Recheck: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void ArchiveFolder_Sources_NameNoRecheckNamespace_Issue11()
    {
        // Constants, nameof and doc references leave nothing in compiled code: the sources are read for those.
        var folder = Path.Combine(RepositoryPaths.Root, "functions", "Archiver.Core", "Archive");
        var naming = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("Archiver.Recheck", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(folder, file));

        Assert.Empty(naming);
    }

    [Fact]
    public void DependencyRule_StaticCallInsideAnAsyncLambda_IsSeen_Issue11()
    {
        // CaptureRecorder calls StatusPolicy only statically, inside the lambdas of its async methods (nested compiled
        // types): the rule that must catch a use of Recheck sees this one and counts it to CaptureRecorder.
        var users = ArchiveTypes().And().HaveDependencyOn("Archiver.Archive.StatusPolicy").GetTypes().Select(type => type.FullName);

        Assert.Contains("Archiver.Archive.CaptureRecorder", users);
    }

    [Fact]
    public void DependencyRule_RecheckUsesArchive_TheAllowedDirectionIsSeen_Issue11()
    {
        var result = Types.InAssembly(Core).That().HaveName("TweetRechecker")
            .Should().HaveDependencyOn("Archiver.Archive.TweetArchiver")
            .GetResult();

        Assert.True(result.IsSuccessful);
    }
}

using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Archive;

/// <summary>
/// Archive and Recheck depend one way only (issue 11, "The shape this asks for"): re-checking builds on archiving, and
/// nothing that archives or records a check uses a type of <c>Archiver.Recheck</c>.
/// </summary>
public sealed class ArchiveDependencyTests
{
    private static readonly Type[] CoreTypes = typeof(Archiver.Archive.ArchiveStore).Assembly.GetTypes();

    [Fact]
    public void ArchiveNamespace_CompiledCode_UsesNoRecheckType_Issue11()
    {
        var uses = CoreTypes
            .Where(type => type.Namespace == "Archiver.Archive")
            .SelectMany(type => TypeUses.Of(type).Where(used => used.Namespace == "Archiver.Recheck").Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct();

        Assert.Empty(uses);
    }

    [Fact]
    public void ArchiveFolder_Sources_NameNoRecheckNamespace_Issue11()
    {
        // Constants, nameof and doc references leave nothing in IL: the sources are read for those.
        var folder = Path.Combine(RepositoryPaths.Root, "functions", "Archiver.Core", "Archive");
        var naming = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("Archiver.Recheck", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(folder, file));

        Assert.Empty(naming);
    }

    [Fact]
    public void TypeUses_StaticCallInsideAnAsyncLambda_IsSeen_Issue11()
    {
        // CaptureRecorder calls StatusPolicy only statically, inside the lambdas of its async methods (nested compiled
        // types): the scan that must catch a use of Recheck sees this one.
        var recorder = CoreTypes.Single(type => type.FullName == "Archiver.Archive.CaptureRecorder");
        var uses = CoreTypes.Where(type => Outermost(type) == recorder).SelectMany(TypeUses.Of).ToHashSet();

        Assert.Contains(CoreTypes.Single(type => type.FullName == "Archiver.Archive.StatusPolicy"), uses);
    }

    [Fact]
    public void RecheckNamespace_UsesArchive_TheAllowedDirection_Issue11()
    {
        var rechecker = CoreTypes.Single(type => type.FullName == "Archiver.Recheck.TweetRechecker");

        Assert.Contains(CoreTypes.Single(type => type.FullName == "Archiver.Archive.TweetArchiver"), TypeUses.Of(rechecker));
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}

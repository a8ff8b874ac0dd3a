using System.IO.Compression;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Deployment;

/// <summary>
/// Runs <c>scripts/package.sh</c> once for the tests that look at the deployment package: a self-contained,
/// ReadyToRun publish for linux-x64 zipped with Unix modes. The build goes to a temporary folder of its own, so it
/// never races the working tree's obj/bin; the zip is also unpacked once, as Azure runs it.
/// </summary>
public sealed class DeploymentPackage : IAsyncLifetime
{
    private readonly string work = Path.Combine(Path.GetTempPath(), $"archiver-package-{Guid.NewGuid():n}");

    public string ZipPath => Path.Combine(work, "archiver.zip");

    /// <summary>The zip's contents, unpacked with their Unix modes: the script root as Azure mounts it.</summary>
    public string ScriptRoot => Path.Combine(work, "unpacked");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(work);
        await ExternalTool.RunCheckedAsync(
            "scripts/package.sh", "bash", [Path.Combine(RepositoryPaths.Root, "scripts", "package.sh"), ZipPath],
            new Dictionary<string, string> { ["ARCHIVER_PACKAGE_WORK"] = Path.Combine(work, "build"), ["MSBUILDNOINPROCNODE"] = "1" });

        ZipFile.ExtractToDirectory(ZipPath, ScriptRoot);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

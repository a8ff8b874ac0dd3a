using System.Diagnostics;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Deployment;

/// <summary>
/// The Bicep CLI from NuGet (<c>infra/tools/BicepTool.proj</c> downloads it), restored here when missing, so the
/// template checks run on a fresh CI machine with no az and no network beyond NuGet.
/// </summary>
public sealed class BicepCli : IAsyncLifetime
{
    private static readonly string ToolProject = Path.Combine(RepositoryPaths.Root, "infra", "tools", "BicepTool.proj");

    private Task<(int ExitCode, string Output, string Error)>? mainBuild;

    public string Executable { get; private set; } = "";

    /// <summary>infra/main.bicep itself.</summary>
    public static string MainTemplate { get; } = Path.Combine(RepositoryPaths.Root, "infra", "main.bicep");

    public async ValueTask InitializeAsync()
    {
        var path = await LocateAsync();
        if (!File.Exists(path))
        {
            var restore = await RunAsync("dotnet", ["restore", ToolProject, "--nologo"], CancellationToken.None);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet restore {ToolProject} failed:\n{restore.Output}");
            }

            path = await LocateAsync();
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path} after restoring {ToolProject}.");
        }

        // NuGet does not always keep execute bits when it extracts a package.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
        Executable = path;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary><c>bicep build infra/main.bicep --stdout</c>, run once for the tests that read its result.</summary>
    public Task<(int ExitCode, string Output, string Error)> BuildMainAsync() =>
        mainBuild ??= RunBicepAsync(["build", MainTemplate, "--stdout"], CancellationToken.None);

    /// <summary>Runs the CLI with the repository root as working directory.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunBicepAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunSplitAsync(Executable, arguments, cancellationToken);

    private static async Task<string> LocateAsync()
    {
        var (exitCode, output) = await RunAsync("dotnet", ["msbuild", ToolProject, "-getProperty:BicepPath", "-nologo"], CancellationToken.None);
        return exitCode == 0 ? output.Trim() : "";
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunSplitAsync(file, arguments, cancellationToken);
        return (exitCode, output + error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSplitAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// <c>scripts/prerequisites.sh</c>, which <c>scripts/test.sh</c> and <c>scripts/start-local.sh</c> run first: it says
/// what it installs, and stops with a message that says what to do when it cannot. The package manager is the one
/// outside part played by a script here (an <c>apt-get</c> that fails), so that nothing is installed for real.
/// </summary>
public sealed class PrerequisitesScriptTests : IDisposable
{
    private readonly string tools = Directory.CreateTempSubdirectory("archiver-prereq-").FullName;

    [Fact]
    public async Task MissingChromium_AptFails_SaysItInstallsThenFailsWithWhatToDo_Issue13()
    {
        WriteTool("apt-get", "echo 'E: Unable to locate package chromium' >&2; exit 100");
        WriteTool("sudo", "exec \"$@\"");

        var (exitCode, output, error) = await RunAsync(Path.Combine(tools, "no-such-chromium"));

        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-chromium is missing; installing Debian's chromium package with apt-get", output, StringComparison.Ordinal);
        Assert.Contains("prerequisites: apt-get could not install chromium (see above): install Chromium yourself and set ARCHIVER_CHROMIUM to its path.", error, StringComparison.Ordinal);
        Assert.Contains("E: Unable to locate package chromium", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChromiumPresent_InstallsNothingAndPasses_Issue13()
    {
        WriteTool("apt-get", "echo 'apt-get was called' >&2; exit 100");
        WriteTool("chromium", "exit 0");

        var (exitCode, output, error) = await RunAsync(Path.Combine(tools, "chromium"));

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("installing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("apt-get was called", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(tools, recursive: true);

    private void WriteTool(string name, string body)
    {
        var path = Path.Combine(tools, name);
        File.WriteAllText(path, $"#!/usr/bin/env bash\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string chromium)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "scripts", "prerequisites.sh"), "--tests" },
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ARCHIVER_CHROMIUM"] = chromium;
        start.Environment["CI"] = "1";
        start.Environment["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}

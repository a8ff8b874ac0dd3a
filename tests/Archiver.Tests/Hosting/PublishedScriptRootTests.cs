using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Functions.Hosting;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Hosting;

/// <summary>
/// <c>dotnet publish</c> yields a Functions script root, and the handler in it starts the way the host starts it:
/// host.json's executable and arguments with <c>%FUNCTIONS_CUSTOMHANDLER_PORT%</c> expanded, the script root as the
/// working directory, readiness polled on <c>GET /</c>, then a timer invocation.
/// </summary>
public sealed class PublishedScriptRootTests(AzuriteFixture azurite, PublishedScriptRoot published) : IClassFixture<PublishedScriptRoot>
{
    [Fact]
    public void Publish_Output_IsAScriptRoot()
    {
        Assert.True(File.Exists(Path.Combine(published.Directory, "host.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "host.json")));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        var handler = host.RootElement.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        var executable = handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        Assert.True(File.Exists(Path.Combine(published.Directory, executable)), $"host.json names {executable}, which the publish output lacks.");

        var manifest = FunctionManifest.Load(published.Directory);
        Assert.Equal(
            FunctionManifest.Load(AppContext.BaseDirectory).Functions.Select(f => f.Name).Order(),
            manifest.Functions.Select(f => f.Name).Order());
        Assert.Contains(manifest.Functions, f => f.Name == "RecheckLinks" && f.IsTimer);
    }

    [Fact]
    public async Task PublishedHandler_StartedAsTheHostDoes_AnswersProbeAndTimer()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "host.json")));
        var description = host.RootElement.GetProperty("customHandler").GetProperty("description");
        var port = AzuriteFixture.FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(Path.Combine(published.Directory, description.GetProperty("defaultExecutablePath").GetString()!))
        {
            WorkingDirectory = published.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in description.GetProperty("arguments").EnumerateArray())
        {
            start.ArgumentList.Add(argument.GetString()!.Replace("%FUNCTIONS_CUSTOMHANDLER_PORT%", port, StringComparison.Ordinal));
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        start.Environment["Archiver__Storage__Container"] = $"pub-{Guid.NewGuid():n}";
        start.Environment["Archiver__ApiKey"] = "only-the-host-checks-keys";
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await PollReadinessAsync(http, process);
            Assert.True(ready, "The handler never answered GET / on the port the host handed over.");

            var response = await http.PostAsync("/RecheckLinks", new StringContent(
                """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"RecheckLinks","UtcNow":"2026-11-25T09:00:00Z","RandGuid":"3b0f5c1e-8a27-4d6f-9e14-2c3b4a5d6e7f"}}}""",
                Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.NotEmpty(body.RootElement.GetProperty("Logs").EnumerateArray());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task<bool> PollReadinessAsync(HttpClient http, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/", TestContext.Current.CancellationToken);
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        return false;
    }
}

/// <summary>Publishes the handler once for the tests that look at the publish output.</summary>
public sealed class PublishedScriptRoot : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"archiver-publish-{Guid.NewGuid():n}");

    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(RepositoryPaths.Root, "functions", "Archiver.Functions"), "-c", "Release", "-o", Directory, "--nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

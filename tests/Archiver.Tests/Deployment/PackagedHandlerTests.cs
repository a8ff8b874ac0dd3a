using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Archiver.Functions.Hosting;
using Archiver.Tests.Fakes;
using Archiver.Tests.Hosting.StandIn;
using Archiver.Tests.Hosting.StandIn.Rpc;
using Archiver.Tests.Infrastructure;
using Archiver.Tests.Telemetry;

namespace Archiver.Tests.Deployment;

/// <summary>
/// The app from the deployment package, unpacked: as a worker under the stand-in host, and started standalone
/// (<c>dotnet Archiver.Functions.dll --urls</c>) from the worker root as its working directory.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackagedHandlerTests(AzuriteFixture azurite, DeploymentPackage package)
{
    [Fact]
    public async Task PackagedWorker_UnderTheStandInHost_LoadsEveryFunctionAndAnswers()
    {
        await using var upstream = await FakeUpstream.StartAsync(TestContext.Current.CancellationToken);
        await using var host = await StandInWorker.StartAsync(package.ScriptRoot, azurite, upstream, $"pkg-{Guid.NewGuid():n}", new Dictionary<string, string>(), TestContext.Current.CancellationToken);

        Assert.Equal(
            FunctionCatalog.ForApp().Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
            host.Loads.Where(l => l.Value.Result.Status == StatusResult.Types.Status.Success).Select(l => l.Key).Order(StringComparer.Ordinal));
        var (response, invocation) = await host.InvokeHttpAsync("Health", new HttpRequestMessage(HttpMethod.Get, "/api/health"), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
    }

    [Fact]
    public async Task PackagedApp_SecretInKeyHeaderCodeQueryAndToken_NeverReachesLogsOrTelemetry()
    {
        var secret = $"SECRET{Guid.NewGuid():n}";
        await using var ingestion = await FakeIngestion.StartAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Archiver__Storage__Container"] = $"pkg-{Guid.NewGuid():n}",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["Archiver__ApiKey"] = secret,
            // Everything the app and the framework can say, at the most verbose level.
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        };

        await using var handler = HandlerProcess.Start(package.ScriptRoot, settings);
        Assert.True(await handler.WaitUntilReadyAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken), handler.Output);

        var answers = new List<HttpStatusCode>();
        foreach (var request in Requests(secret))
        {
            using var response = await handler.Http.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add(response.StatusCode);
        }

        await handler.StopAsync(TestContext.Current.CancellationToken);
        var exported = await ingestion.WaitUntilAsync(() => ingestion.OfType("RequestData").Any(), TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Contains(HttpStatusCode.OK, answers);
        Assert.Contains(HttpStatusCode.NotFound, answers);
        Assert.Contains("/api/health", handler.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, handler.Output, StringComparison.Ordinal);
        Assert.True(exported, "The handler exported no request telemetry, so the check below proves nothing.");
        Assert.All(ingestion.Payloads, payload => Assert.DoesNotContain(secret, payload, StringComparison.Ordinal));
    }

    /// <summary>Requests that carry the secret every way a caller sends a key: header, <c>code</c> query, bearer token.</summary>
    private static IEnumerable<HttpRequestMessage> Requests(string secret)
    {
        HttpRequestMessage With(HttpMethod method, string path, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, $"{path}?code={secret}&other=1") { Content = content };
            request.Headers.Add("x-functions-key", secret);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            return request;
        }

        yield return With(HttpMethod.Get, "/api/health");
        yield return With(HttpMethod.Post, "/api/extract", new StringContent("Cited: https://x.com/jack/status/20", Encoding.UTF8, "text/plain"));
        yield return With(HttpMethod.Post, "/api/extract", new StringContent("{not json", Encoding.UTF8, "application/json"));
        yield return With(HttpMethod.Get, "/api/no-such-route");
        yield return With(HttpMethod.Post, "/admin/functions/RecheckLinks");
    }

    /// <summary>One run of the packaged handler with its stdout and stderr captured.</summary>
    private sealed class HandlerProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private HandlerProcess(Process process, int port)
        {
            this.process = process;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        }

        public HttpClient Http { get; }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public static HandlerProcess Start(string workerRoot, IReadOnlyDictionary<string, string> settings)
        {
            var port = AzuriteFixture.FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(workerRoot, "Archiver.Functions.dll"), "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" },
                WorkingDirectory = workerRoot,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };

            // The exporter's own usage statistics would go to a Microsoft endpoint: tests stay on loopback.
            start.Environment["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true";
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }

            var handler = new HandlerProcess(Process.Start(start)!, port);
            handler.process.OutputDataReceived += (_, e) => handler.Append(e.Data);
            handler.process.ErrorDataReceived += (_, e) => handler.Append(e.Data);
            handler.process.BeginOutputReadLine();
            handler.process.BeginErrorReadLine();
            return handler;
        }

        public async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout && !process.HasExited)
            {
                try
                {
                    using var response = await Http.GetAsync("/api/health", cancellationToken);
                    return true;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(25, cancellationToken);
                }
            }

            return false;
        }

        /// <summary>SIGTERM, as the platform stops an instance: the app shuts down and flushes its telemetry.</summary>
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (process.HasExited)
            {
                return;
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit(); // drains the redirected output
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}

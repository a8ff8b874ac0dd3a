using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Infrastructure;
using Archiver.Tests.Telemetry;

namespace Archiver.Tests.Deployment;

/// <summary>
/// The handler from the deployment package, unpacked and started the way the Functions host starts it (host.json's
/// executable and arguments, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, the script root as working directory).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackagedHandlerTests(AzuriteFixture azurite, DeploymentPackage package)
{
    [Fact]
    public async Task PackagedHandler_StorageUnreachable_AnswersTheProbeAtOnce()
    {
        var dead = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{AzuriteFixture.FreePort()}/devstoreaccount1;";
        await using var handler = HandlerProcess.Start(package.ScriptRoot, underHost: true, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = dead,
        });

        var clock = Stopwatch.StartNew();
        var ready = await handler.WaitUntilReadyAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.True(ready, $"The packaged handler never answered GET /.\n{handler.Output}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"GET / took {clock.Elapsed} to answer.");
        using var probe = await handler.Http.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PackagedHandler_SecretInKeyHeaderCodeQueryAndToken_NeverReachesLogsOrTelemetry(bool underHost)
    {
        var secret = $"SECRET{Guid.NewGuid():n}";
        await using var ingestion = await FakeIngestion.StartAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Archiver__Storage__Container"] = $"pkg-{Guid.NewGuid():n}",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            // Everything the app and the framework can say, at the most verbose level.
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        };
        if (!underHost)
        {
            settings["Archiver__ApiKey"] = secret;
        }

        await using var handler = HandlerProcess.Start(package.ScriptRoot, underHost, settings);
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
        yield return With(HttpMethod.Post, "/RecheckLinks", new StringContent(
            """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"RecheckLinks","UtcNow":"2026-11-25T09:00:00Z","RandGuid":"3b0f5c1e-8a27-4d6f-9e14-2c3b4a5d6e7f"}}}""",
            Encoding.UTF8, "application/json"));
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

        public static HandlerProcess Start(string scriptRoot, bool underHost, IReadOnlyDictionary<string, string> settings)
        {
            using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(scriptRoot, "host.json")));
            var description = host.RootElement.GetProperty("customHandler").GetProperty("description");
            var port = AzuriteFixture.FreePort();
            var portText = port.ToString(CultureInfo.InvariantCulture);
            var start = new ProcessStartInfo(Path.Combine(scriptRoot, description.GetProperty("defaultExecutablePath").GetString()!))
            {
                WorkingDirectory = scriptRoot,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (underHost)
            {
                foreach (var argument in description.GetProperty("arguments").EnumerateArray())
                {
                    start.ArgumentList.Add(argument.GetString()!.Replace("%FUNCTIONS_CUSTOMHANDLER_PORT%", portText, StringComparison.Ordinal));
                }

                start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = portText;
                start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
            }
            else
            {
                start.ArgumentList.Add("--urls");
                start.ArgumentList.Add($"http://127.0.0.1:{portText}");
            }

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
                    using var response = await Http.GetAsync("/", cancellationToken);
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

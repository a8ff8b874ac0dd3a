using System.Net;
using System.Text;
using Archiver.Tests.Fakes;
using Archiver.Tests.Hosting.StandIn.Rpc;
using Archiver.Tests.Infrastructure;
using Archiver.Tests.Telemetry;

namespace Archiver.Tests.Hosting.StandIn;

/// <summary>
/// Under the stand-in host, the published worker exports its traces to Application Insights (a fake ingestion
/// endpoint) through OpenTelemetry, invocations included, and no key a caller sent reaches the export or the logs.
/// </summary>
public sealed class StandInTelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Worker_ConnectionString_ExportsInvocationsWithoutTheKeys()
    {
        var secret = $"SECRET{Guid.NewGuid():n}";
        await using var ingestion = await FakeIngestion.StartAsync(TestContext.Current.CancellationToken);
        await using var upstream = await FakeUpstream.StartAsync(TestContext.Current.CancellationToken);
        var host = await StandInWorker.StartAsync(azurite, upstream, $"standin-{Guid.NewGuid():n}", new Dictionary<string, string>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["Logging__LogLevel__Default"] = "Trace",
        }, TestContext.Current.CancellationToken);
        var answers = new List<HttpStatusCode>();
        try
        {
            foreach (var (function, request) in Requests(secret))
            {
                var (response, invocation) = await host.InvokeHttpAsync(function, request, null, TestContext.Current.CancellationToken);
                answers.Add(response.StatusCode);
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.Equal(StatusResult.Types.Status.Success, (await invocation).Result.Status);
            }
        }
        finally
        {
            // WorkerTerminate: the worker stops its host, which flushes the exporters.
            await host.DisposeAsync();
        }

        var exported = await ingestion.WaitUntilAsync(
            () => ingestion.OfType("RequestData").Any(r => r.GetProperty("url").GetString()!.Contains("/api/health", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20),
            TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], answers);
        Assert.True(exported, $"No request telemetry for /api/health was exported.\n{string.Join('\n', ingestion.Payloads)}\n{host.WorkerOutput}");
        Assert.Contains(ingestion.Payloads, p => p.Contains("Health", StringComparison.Ordinal) && p.Contains("faas", StringComparison.OrdinalIgnoreCase));
        Assert.All(ingestion.Payloads, payload => Assert.DoesNotContain(secret, payload, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, host.WorkerOutput, StringComparison.Ordinal);
        Assert.All(host.Logs, log => Assert.DoesNotContain(secret, log.Message, StringComparison.Ordinal));
    }

    /// <summary>Requests that carry the secret every way a caller sends a key: header, <c>code</c> query, bearer token.</summary>
    private static IEnumerable<(string Function, HttpRequestMessage Request)> Requests(string secret)
    {
        HttpRequestMessage With(HttpMethod method, string path, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, $"{path}?code={secret}&other=1") { Content = content };
            request.Headers.Add("x-functions-key", secret);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            return request;
        }

        yield return ("Health", With(HttpMethod.Get, "/api/health"));
        yield return ("Extract", With(HttpMethod.Post, "/api/extract", new StringContent("Cited: https://x.com/jack/status/20", Encoding.UTF8, "text/plain")));
    }
}

using System.Net;
using System.Text;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Archiver.Tests.Sources.Http;

/// <summary>What the log says when X cannot be reached: an expected failure is one line, stack traces are for bugs.</summary>
public sealed class UpstreamLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpstreamUnreachable_EachFailureOneLineWithoutAStackTrace_Issue13()
    {
        // Every X host leads to a closed local port (ArchiverApp's default); retries on, without waits.
        await using var app = await ArchiverApp.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "2", ["Archiver:Upstream:RetryBaseDelay"] = "00:00:00" },
            services => services.AddLogging(logging => logging.AddFakeLogging()));
        using var client = app.Client();

        var response = await client.PostAsync(
            "/api/archive",
            new StringContent("See https://x.com/jack/status/20 and https://t.co/abcde12345", Encoding.UTF8, "text/plain"),
            TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{(int)response.StatusCode}");
        var records = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.All(records.Where(r => r.Level >= LogLevel.Information), r => Assert.Null(r.Exception));
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Information
            && (r.Category?.StartsWith("Polly", StringComparison.Ordinal) == true || r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(records, r => r.Level < LogLevel.Warning && r.Category?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true);
        var failures = records.Where(r => r.Id.Id == 3002).ToArray();
        Assert.Contains(failures, r => r.Message.Contains("cdn.syndication.twimg.com", StringComparison.Ordinal));
        Assert.Contains(failures, r => r.Message.Contains("t.co", StringComparison.Ordinal));
        Assert.All(failures, r =>
        {
            Assert.Equal(LogLevel.Warning, r.Level);
            Assert.DoesNotContain('\n', r.Message);
            Assert.Contains("could not be reached from this server", r.Message, StringComparison.Ordinal);
            Assert.EndsWith("counted as transient (never as a deletion), tried again later", r.Message, StringComparison.Ordinal);
        });
    }
}

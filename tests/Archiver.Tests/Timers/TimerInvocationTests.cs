using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Archive;
using Archiver.Recheck;
using Archiver.Tests.Archive;
using Archiver.Tests.Infrastructure;
using Azure.Storage.Blobs.Models;

namespace Archiver.Tests.Timers;

/// <summary><c>POST /RecheckLinks</c> with the payload the Functions host sends for a timer, answered as the host expects.</summary>
public sealed class TimerInvocationTests(AzuriteFixture azurite)
{
    private const string HostPayload = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-25T08:45:00.0012345+00:00","Next":"2026-11-25T09:00:00+00:00","LastUpdated":"2026-11-25T08:45:00.0054321+00:00"},"IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"RecheckLinks","UtcNow":"2026-11-25T09:00:00.0123456Z","RandGuid":"5a1f6d3e-0b7e-4a43-9a3c-2f0c7e1d9b11"}}}
        """;

    public static TheoryData<string, string> Payloads => new()
    {
        { "host payload", HostPayload },
        { "null ScheduleStatus", """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"RecheckLinks","UtcNow":"2026-11-25T09:00:00Z","RandGuid":"0c0d7a0b-1c55-4b0e-8d2e-7f4a2f3d9c10"}}}""" },
        { "US-style timestamps", """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"11/25/2026 08:45:00","Next":"11/25/2026 09:00:00","LastUpdated":"0001-01-01T00:00:00"},"IsPastDue":true}},"Metadata":{"sys":{"MethodName":"RecheckLinks","UtcNow":"11/25/2026 09:00:00 +00:00","RandGuid":"1e3c5a7b-9d11-4f13-b315-17191b1d1f21"}}}""" },
        { "garbage timestamps", """{"Data":{"timer":{"Schedule":{},"ScheduleStatus":{"Last":"yesterday-ish","Next":12,"LastUpdated":{}},"IsPastDue":"true"}},"Metadata":{}}""" },
        { "empty object", "{}" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task PostRecheckLinks_HostPayload_AnswersOutputsLogsReturnValue(string name, string payload)
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().PostAsync("/RecheckLinks", new StringContent(payload, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
        var logs = body.RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()).ToArray();
        Assert.Contains(logs, l => l!.Contains("0 tweet(s) due", StringComparison.Ordinal));
        Assert.Contains(logs, l => l!.Contains("0 pending submission(s) finished", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostRecheckLinks_PastDueFlag_IsReported()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);
        var payload = HostPayload.Replace("\"IsPastDue\":false", "\"IsPastDue\":true", StringComparison.Ordinal);

        var response = await app.Client().PostAsync("/RecheckLinks", new StringContent(payload, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Contains("(past due)", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PostRecheckLinks_TweetsDueInTheIndex_ChecksOnlyTheDueOnes()
    {
        await using var scenario = await ArchiveScenario.StartAsync(azurite);
        await scenario.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        await scenario.Container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Upload(scenario.Container, "1", new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await Upload(scenario.Container, "2", new DateTimeOffset(2001, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await Upload(scenario.Container, "3", new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var response = await scenario.Client.PostAsync("/RecheckLinks", new StringContent(HostPayload, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 tweet(s) due; checked 2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["/tweet-result?id=1", "/tweet-result?id=2"], scenario.Upstream.RequestsTo("cdn.syndication.twimg.com")
            .Select(r => r.PathAndQuery[..r.PathAndQuery.IndexOf('&', StringComparison.Ordinal)]).Order());
    }

    [Fact]
    public async Task PostRecheckLinks_NotJson_BadRequestWithJsonError()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().PostAsync("/RecheckLinks", new StringContent("{not json", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("malformed_json", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    /// <summary>A tweet's state as the archive writes it, due at <paramref name="due"/>, with its index tag.</summary>
    private static async Task Upload(Azure.Storage.Blobs.BlobContainerClient container, string id, DateTimeOffset due)
    {
        var state = new TweetState { TweetId = id, Status = TweetStatus.Pending, FirstSeenAt = due, NextCheckAt = due };
        await container.GetBlobClient(BlobNames.State(id)).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(state, ArchiveJsonContext.Default.TweetState)),
            new BlobUploadOptions { Tags = new Dictionary<string, string> { [BlobTags.DueAt] = BlobTags.FormatInstant(due) } },
            TestContext.Current.CancellationToken);
    }
}

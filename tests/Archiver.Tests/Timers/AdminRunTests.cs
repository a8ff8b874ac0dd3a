using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Archive;
using Archiver.Tests.Archive;
using Archiver.Tests.Infrastructure;
using Azure.Storage.Blobs.Models;

namespace Archiver.Tests.Timers;

/// <summary>Standalone, <c>POST /admin/functions/RecheckLinks</c> runs the timer function once and answers its summary.</summary>
public sealed class AdminRunTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AdminRun_Answer_NamesTheFunctionAndItsSummaryLines()
    {
        await using var app = await ArchiverApp.StartAsync(azurite);

        var response = await app.Client().PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("RecheckLinks", body.RootElement.GetProperty("function").GetString());
        var logs = body.RootElement.GetProperty("logs").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.Equal(2, logs.Length);
        Assert.StartsWith("RecheckLinks: 0 pending submission(s) finished", logs[0], StringComparison.Ordinal);
        Assert.Contains("0 tweet(s) due", logs[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminRun_TweetsDueInTheIndex_ChecksOnlyTheDueOnes()
    {
        await using var scenario = await ArchiveScenario.StartAsync(azurite);
        await scenario.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        await scenario.Container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Upload(scenario.Container, "1", new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await Upload(scenario.Container, "2", new DateTimeOffset(2001, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await Upload(scenario.Container, "3", new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var response = await scenario.Client.PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 tweet(s) due; checked 2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["/tweet-result?id=1", "/tweet-result?id=2"], scenario.Upstream.RequestsTo("cdn.syndication.twimg.com")
            .Select(r => r.PathAndQuery[..r.PathAndQuery.IndexOf('&', StringComparison.Ordinal)]).Order());
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

using Archiver.Archive;
using Archiver.Recheck;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Archive;

/// <summary>
/// Tag queries on Azurite, which answers Find Blobs by Tags from the container's first page of blobs by name (5,000,
/// or the page size asked for) with no continuation: with more <c>media/</c> blobs than that before <c>tweets/</c>,
/// due re-checks, pending submissions and the status filter must still find every match (issue 13, section 4).
/// </summary>
public sealed class TagIndexTests(AzuriteFixture azurite)
{
    /// <summary>One more media blob than Azurite's largest page.</summary>
    private const int MediaBlobs = 5001;

    private static readonly string[] TweetIds = ["1666666666666666601", "1666666666666666602", "1666666666666666603"];

    [Fact]
    public async Task ArchiveWithMoreMediaBlobsThanAPage_DueStatusAndPendingQueriesFindEveryMatch_Issue13()
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        foreach (var id in TweetIds)
        {
            s.Upstream.AddTweet(new FakeTweet { Id = id });
        }

        var (archived, _) = await s.ArchiveAsync(string.Join('\n', TweetIds.Select(id => $"https://x.com/harbour_desk/status/{id}")));
        Assert.True(archived.IsSuccessStatusCode, $"POST /api/archive: {(int)archived.StatusCode}");
        await UploadMediaBlobsAsync(s.Container, MediaBlobs);
        const string pendingId = "20261208020000000-pending";
        await s.Container.GetBlobClient(BlobNames.Submission(pendingId)).UploadAsync(
            BinaryData.FromString("{}"), new BlobUploadOptions { Tags = new Dictionary<string, string> { [BlobTags.Pending] = "yes" } }, TestContext.Current.CancellationToken);

        var listed = await s.GetJsonAsync("/api/tweets?status=available");
        var due = await s.App.Services.GetRequiredService<DueIndex>()
            .FindDueAsync(TimeProvider.System.GetUtcNow().AddHours(2), 500, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var pending = await s.App.Services.GetRequiredService<ArchiveStore>()
            .FindPendingSubmissionsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TweetIds, listed.GetProperty("tweets").EnumerateArray().Select(t => t.GetProperty("tweetId").GetString()).Order());
        Assert.Equal(TweetIds, due.Select(d => d.TweetId).Order());
        Assert.Equal(pendingId, Assert.Single(pending));
    }

    [Fact]
    public async Task ListingMode_PagesThroughMatchesWithoutRepeatsOrGaps_Issue13()
    {
        await using var container = await azurite.CreateContainerAsync(TestContext.Current.CancellationToken);
        var names = Enumerable.Range(0, 7).Select(i => BlobNames.State($"17000000000000000{i:D2}")).ToArray();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var tags = new Dictionary<string, string> { [BlobTags.Status] = i % 2 == 0 ? "available" : "deleted" };
            await container.Client.GetBlobClient(name).UploadAsync(BinaryData.FromString("{}"), new BlobUploadOptions { Tags = tags }, TestContext.Current.CancellationToken);
        }

        var index = new TagIndex(container.Client, Options.Create(new StorageOptions { TagQueries = TagQueryMode.Listing }));
        var query = BlobTags.States([BlobTags.StatusIs(TweetStatus.Available)]);
        var found = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await index.FindPageAsync(query, continuation, 2, TestContext.Current.CancellationToken);
            Assert.True(page.Blobs.Count <= 2);
            found.AddRange(page.Blobs.Select(b => b.Name));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(names.Where((_, i) => i % 2 == 0), found);
    }

    [Theory]
    [InlineData("Auto", true)]
    [InlineData("Index", false)]
    [InlineData("Listing", true)]
    public async Task TagQueriesSetting_OnAzurite_ChoosesHowQueriesAreAnswered_Issue13(string mode, bool lists)
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Storage:TagQueries"] = mode });

        Assert.Equal(lists, app.Services.GetRequiredService<TagIndex>().Lists);
    }

    [Theory]
    [InlineData("https://archiverdata.blob.core.windows.net/", "archiverdata", false)]
    [InlineData("https://archive.example.org/", "archiverdata", false)]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1", "devstoreaccount1", true)]
    [InlineData("http://localhost:10000/someaccount", "someaccount", true)]
    [InlineData("http://azurite:10000/devstoreaccount1", "devstoreaccount1", true)]
    public void IsEmulator_TellsAzuriteFromAzure_Issue13(string endpoint, string account, bool emulator)
    {
        Assert.Equal(emulator, TagIndex.IsEmulator(new Uri(endpoint), account));
    }

    private static async Task UploadMediaBlobsAsync(BlobContainerClient container, int count)
    {
        var content = BinaryData.FromString("m");
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = TestContext.Current.CancellationToken },
            async (i, cancellationToken) => await container.GetBlobClient(BlobNames.Media($"{i:x64}")).UploadAsync(content, cancellationToken));
    }
}

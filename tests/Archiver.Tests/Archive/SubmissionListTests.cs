using System.Net;
using System.Text.Json;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Archiver.Tests.Archive;

/// <summary>Issue 14: <c>GET /api/submissions</c> lists every submission newest first, paged, with counts per outcome.</summary>
public sealed class SubmissionListTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListSubmissions_ThreeArticles_NewestFirstInPagesWithTheirCounts_14()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var s = await ArchiveScenario.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0", ["Archiver:Recheck:Schedule"] = "0 0 0 1 1 *" },
            services => services.AddSingleton<TimeProvider>(time));
        s.Upstream.AddShortLink("Zq9aXy1", "https://example.com/elsewhere");
        var ids = new List<string>();
        foreach (var article in new[] { "Read t.co/Unknown41 once.", "Read t.co/Zq9aXy1 first.", "Read t.co/Zq9aXy1 and t.co/Unknown42 too." })
        {
            var (response, body) = await s.ArchiveAsync(article);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add(body.GetProperty("id").GetString()!);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await s.GetJsonAsync("/api/submissions?pageSize=2");
        Assert.Equal([ids[2], ids[1]], Ids(first));
        var newest = first.GetProperty("submissions")[0];
        Assert.Equal(1, newest.GetProperty("counts").GetProperty("not_a_tweet").GetInt32());
        Assert.Equal(1, newest.GetProperty("counts").GetProperty("unresolved").GetInt32());
        Assert.Equal(0, newest.GetProperty("counts").GetProperty("archived").GetInt32());
        Assert.Equal("https://t.co/Unknown42", newest.GetProperty("citations")[1].GetProperty("shortLink").GetString());
        var token = first.GetProperty("continuationToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));

        var second = await s.GetJsonAsync($"/api/submissions?pageSize=2&continuationToken={Uri.EscapeDataString(token)}");
        Assert.Equal([ids[0]], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuationToken").ValueKind);
        Assert.Equal(3, (await s.BlobNamesAsync("submissions-newest/")).Length);
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize must be between 1 and 50.")]
    [InlineData("?pageSize=51", "pageSize must be between 1 and 50.")]
    public async Task ListSubmissions_BadQuery_400WithTheReason_14(string query, string message)
    {
        await using var s = await ArchiveScenario.StartAsync(azurite);
        await s.ArchiveAsync("Nothing cited here.");

        var response = await s.Client.GetAsync($"/api/submissions{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ArchiveScenario.BodyAsync(response);
        Assert.Equal("invalid_query", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(message, body.GetProperty("error").GetProperty("message").GetString());
    }

    private static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("submissions").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
}

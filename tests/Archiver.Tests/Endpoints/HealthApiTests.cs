using System.Net;
using System.Text.Json;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Endpoints;

public sealed class HealthApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetHealth_StorageAnswers_OkWithTheContainer()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:ApiKey"] = "secret" });

        var response = await app.Client().GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(app.ContainerName, body.RootElement.GetProperty("storage").GetProperty("container").GetString());
    }

    [Fact]
    public async Task GetHealth_StorageUnreachable_ServiceUnavailable()
    {
        var dead = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{AzuriteFixture.FreePort()}/devstoreaccount1;";
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Storage:ConnectionString"] = dead });

        var response = await app.Client().GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean());
    }
}

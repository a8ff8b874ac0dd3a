using System.Net;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Hosting;

public sealed class ReadinessProbeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetRoot_StorageUnreachable_AnswersAtOnce()
    {
        // Storage on a port nobody listens on: the probe must not wait for it.
        var dead = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{AzuriteFixture.FreePort()}/devstoreaccount1;";
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?> { ["Archiver:Storage:ConnectionString"] = dead });

        var response = await app.Client().GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"archiver\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetRoot_UnderHostWithoutKey_Answers()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = AzuriteFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Archiver:ApiKey"] = "secret",
        });

        var response = await app.Client().GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

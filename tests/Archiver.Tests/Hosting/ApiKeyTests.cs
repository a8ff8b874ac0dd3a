using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Hosting;

/// <summary>Standalone, <c>Archiver:ApiKey</c> guards every function whose trigger is not Anonymous; under the host, the host does.</summary>
public sealed class ApiKeyTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> WithKey = new() { ["Archiver:ApiKey"] = "s3cret-key" };

    private static StringContent Article() => new("see https://x.com/a/status/123", Encoding.UTF8, "text/plain");

    [Fact]
    public async Task Extract_NoKey_UnauthorizedWithJsonError()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);

        var response = await app.Client().PostAsync("/api/extract", Article(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("unauthorized", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Extract_WrongKey_Unauthorized()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);
        var client = app.Client();
        client.DefaultRequestHeaders.Add("x-functions-key", "s3cret-kez");

        var response = await client.PostAsync("/api/extract", Article(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Extract_KeyInHeader_Served()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);
        var client = app.Client();
        client.DefaultRequestHeaders.Add("x-functions-key", "s3cret-key");

        var response = await client.PostAsync("/api/extract", Article(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Extract_KeyInCodeQuery_Served()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);

        var response = await app.Client().PostAsync("/api/extract?code=s3cret-key", Article(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminTimerRun_NoKey_Unauthorized()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);

        var response = await app.Client().PostAsync("/admin/functions/RecheckLinks", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_NoKey_UnauthorizedRatherThanNotFound()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);

        var response = await app.Client().GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_NoKey_Served()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);

        var response = await app.Client().GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task App_NoKey_ServedBecauseItsTriggerIsAnonymous()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, WithKey);

        var response = await app.Client().GetAsync("/api/app/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Azure.Storage.Blobs;

namespace Archiver.Tests.Archive;

/// <summary>The app on Azurite with every upstream host played by a fake: what an archive test needs.</summary>
internal sealed class ArchiveScenario : IAsyncDisposable
{
    private ArchiveScenario(FakeUpstream upstream, ArchiverApp app, BlobContainerClient container)
    {
        Upstream = upstream;
        App = app;
        Container = container;
        Client = app.Client();
    }

    public FakeUpstream Upstream { get; }

    public ArchiverApp App { get; }

    public HttpClient Client { get; }

    public BlobContainerClient Container { get; }

    public static async Task<ArchiveScenario> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var upstream = await FakeUpstream.StartAsync(TestContext.Current.CancellationToken);
        var app = await ArchiverApp.StartAsync(azurite, upstream.Settings(settings), configure);
        return new ArchiveScenario(upstream, app, azurite.CreateServiceClient().GetBlobContainerClient(app.ContainerName));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> ArchiveAsync(string text, string query = "")
    {
        var response = await Client.PostAsync($"/api/archive{query}", new StringContent(text, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        return (response, await BodyAsync(response));
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await BodyAsync(response);
    }

    public async Task<string[]> BlobNamesAsync(string prefix)
    {
        // The app creates its container in the background at start: a request that stored nothing may come first.
        await Container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, TestContext.Current.CancellationToken))
        {
            names.Add(blob.Name);
        }

        return [.. names];
    }

    public async Task<byte[]> BlobBytesAsync(string name) =>
        (await Container.GetBlobClient(name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Upstream.DisposeAsync();
        await Container.DeleteIfExistsAsync();
    }
}

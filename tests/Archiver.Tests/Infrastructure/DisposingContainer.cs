using Azure.Storage.Blobs;

namespace Archiver.Tests.Infrastructure;

/// <summary>A test's own container, deleted with everything in it when the test ends.</summary>
public sealed class DisposingContainer(BlobContainerClient container) : IAsyncDisposable
{
    public BlobContainerClient Client => container;

    public string Name => container.Name;

    public async ValueTask DisposeAsync() => await container.DeleteIfExistsAsync();
}

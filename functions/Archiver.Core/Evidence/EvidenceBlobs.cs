using Archiver.Archive;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Archiver.Evidence;

/// <summary>The few blob operations the evidence needs beyond <see cref="ArchiveStore"/>'s, on the same container.</summary>
internal static class EvidenceBlobs
{
    /// <summary>
    /// Writes bytes that never change under <c>If-None-Match: *</c>; bytes already there are left as they are (false).
    /// </summary>
    public static async Task<bool> PutImmutableBytesAsync(this ArchiveStore store, string name, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await store.Blob(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.Status is 409 or 412)
        {
            return false;
        }
    }

    public static Task PutMarkerAsync(this ArchiveStore store, string name, CancellationToken cancellationToken) =>
        store.PutImmutableBytesAsync(name, [], "application/octet-stream", cancellationToken);

    public static async Task DeleteIfExistsAsync(this ArchiveStore store, string name, CancellationToken cancellationToken) =>
        await store.Blob(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public static async IAsyncEnumerable<string> ListNamesAsync(this ArchiveStore store, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = store.Blob(prefix).GetParentBlobContainerClient();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return item.Name;
        }
    }
}

using Archiver.Archive;
using Archiver.Functions.Hosting;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Archiver.Functions.Downloads;

/// <summary>
/// The one place that decides how stored bytes reach the caller (DESIGN.md, "Large downloads under the host"):
/// standalone a blob is streamed with Range and conditional GETs and a bundle is streamed as it is built; under the
/// Functions host, which buffers whole responses and is cut at 230 s, the answer is a 302 to a short-lived read-only
/// SAS URL for the blob, and a bundle is first built once into its <c>exports/</c> blob.
/// </summary>
public sealed class BlobDownloads(HostingMode mode, BlobServiceClient service, BundleExporter bundles, TimeProvider time)
{
    public static readonly TimeSpan SasLifetime = TimeSpan.FromMinutes(15);

    public async Task<IResult> ServeAsync(BlobClient blob, string contentType, string? downloadName, HttpContext context, CancellationToken cancellationToken)
    {
        // Stored bytes come from elsewhere: the browser must take the stored type at its word.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (mode.UnderHost)
        {
            return TypedResults.Redirect((await ReadOnlySasAsync(blob, contentType, downloadName, cancellationToken)).AbsoluteUri);
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        return TypedResults.Stream(
            stream,
            contentType,
            downloadName,
            properties.Value.LastModified,
            new Microsoft.Net.Http.Headers.EntityTagHeaderValue(properties.Value.ETag.ToString("H")),
            enableRangeProcessing: true);
    }

    public async Task<IResult> ServeBundleAsync(Bundle bundle, HttpContext context, CancellationToken cancellationToken)
    {
        if (mode.UnderHost)
        {
            return await ServeAsync(await bundles.ExportAsync(bundle, cancellationToken), "application/zip", bundle.FileName, context, cancellationToken);
        }

        // Written to the response entry by entry: the first bytes leave before the last file is read. A storage failure
        // half-way aborts the connection, so a client never takes a cut-off ZIP for a whole one.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(output => bundles.WriteAsync(bundle, output, cancellationToken), "application/zip", bundle.FileName);
    }

    /// <summary>A read-only SAS for one blob: signed with the account key where the client has one (Azurite, connection
    /// strings), else with a user delegation key (managed identity in Azure).</summary>
    private async Task<Uri> ReadOnlySasAsync(BlobClient blob, string contentType, string? downloadName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, now + SasLifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - TimeSpan.FromMinutes(5),
            ContentType = contentType,
            ContentDisposition = downloadName is null ? null : $"attachment; filename=\"{downloadName}\"",
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(builder);
        }

        var key = await service.GetUserDelegationKeyAsync(now - TimeSpan.FromMinutes(5), now + SasLifetime, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = builder.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }
}

using Archiver.Archive;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace Archiver.Functions.Downloads;

/// <summary>
/// The one place that decides how stored bytes reach the caller (DESIGN.md, "Large downloads under the host"), by
/// <c>Archiver:Downloads:Mode</c>: <c>Stream</c> (default, standalone and under the host, whose HTTP proxying streams
/// the worker's response through) serves a blob with Range and conditional GETs and a bundle as it is built;
/// <c>Redirect</c> answers a 302 to a short-lived read-only SAS URL for the blob, a bundle first built once into its
/// <c>exports/</c> blob, for front ends that cut a response after 230 s.
/// </summary>
public sealed class BlobDownloads(IOptions<DownloadOptions> options, BlobServiceClient service, BundleExporter bundles, TimeProvider time)
{
    public bool Redirects => options.Value.Mode == DownloadMode.Redirect;

    public static readonly TimeSpan SasLifetime = TimeSpan.FromMinutes(15);

    public async Task<IResult> ServeAsync(BlobClient blob, string contentType, string? downloadName, HttpContext context, CancellationToken cancellationToken)
    {
        // Stored bytes come from elsewhere: the browser must take the stored type at its word.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (Redirects)
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

    public async Task<IResult> ServeBundleAsync(Bundle bundle, BundleFormat format, HttpContext context, CancellationToken cancellationToken)
    {
        if (Redirects)
        {
            return await ServeAsync(await bundles.ExportAsync(bundle, format, cancellationToken), Bundle.ContentType(format), bundle.FileNameOf(format), context, cancellationToken);
        }

        // Written to the response entry by entry: the first bytes leave before the last file is read. A storage failure
        // half-way aborts the connection, so a client never takes a cut-off ZIP (or WACZ) for a whole one.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(output => bundles.WriteAsync(bundle, format, output, cancellationToken), Bundle.ContentType(format), bundle.FileNameOf(format));
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

using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>
/// Answers the archive's blob index tag queries (due re-checks, pending submissions, the status filter of the
/// listing). On Azure through Find Blobs by Tags, whose cost follows the matches, not the archive. Azurite (3.35 to
/// 3.37) answers that call from the container's first page of blobs by name and gives no continuation, so once
/// <c>media/</c> and <c>raw/</c> hold more blobs than a page the matches under <c>tweets/</c> go missing; there the
/// query is answered by listing the blobs it is about (<see cref="TagQuery.Prefix"/>) with their tags instead, which
/// is right at any size and costs a listing of that prefix.
/// </summary>
public sealed class TagIndex(BlobContainerClient container, IOptions<StorageOptions> options)
{
    /// <summary>Blobs per listing request in listing mode: the most a listing page holds.</summary>
    public const int ListingPageSize = 5000;

    /// <summary>The storage emulator's well-known account, in its connection string and its path-style URLs.</summary>
    private const string EmulatorAccount = "devstoreaccount1";

    /// <summary>Whether queries are answered by listing (Azurite, or <see cref="TagQueryMode.Listing"/>) rather than by the service's index.</summary>
    public bool Lists { get; } = options.Value.TagQueries switch
    {
        TagQueryMode.Index => false,
        TagQueryMode.Listing => true,
        _ => IsEmulator(container.Uri, container.AccountName),
    };

    /// <summary>Whether a blob endpoint is the storage emulator's: its well-known account, or a path-style address on an IP or localhost.</summary>
    public static bool IsEmulator(Uri endpoint, string accountName) =>
        string.Equals(accountName, EmulatorAccount, StringComparison.Ordinal) || endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host, out _);

    /// <summary>Every match, page after page.</summary>
    public async IAsyncEnumerable<TaggedBlob> FindAllAsync(TagQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Lists)
        {
            await foreach (var item in container.FindBlobsByTagsAsync(query.Expression, cancellationToken))
            {
                yield return new TaggedBlob(item.BlobName, item.Tags.AsReadOnly());
            }

            yield break;
        }

        await foreach (var item in container.GetBlobsAsync(BlobTraits.Tags, BlobStates.None, query.Prefix, cancellationToken))
        {
            if (query.Matches(item.Tags))
            {
                yield return new TaggedBlob(item.Name, item.Tags.AsReadOnly());
            }
        }
    }

    /// <summary>
    /// At most <paramref name="pageSize"/> matches from <paramref name="continuation"/> (a token an earlier page handed
    /// out, or null for the first page), and the token of the next page.
    /// </summary>
    public async Task<TagPage> FindPageAsync(TagQuery query, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!Lists)
        {
            await foreach (var page in container.FindBlobsByTagsAsync(query.Expression, cancellationToken).AsPages(continuation, pageSize))
            {
                return new TagPage([.. page.Values.Select(b => new TaggedBlob(b.BlobName, b.Tags.AsReadOnly()))], NullIfEmpty(page.ContinuationToken));
            }

            return new TagPage([], null);
        }

        // A listing page holds more than one page of matches, so the token says which listing page to read again
        // ("" for the first) and how many of its matches were handed out already: "{skip}:{marker}".
        var (skip, marker) = ParseListingToken(continuation);
        var matches = new List<TaggedBlob>();
        await foreach (var page in container.GetBlobsAsync(BlobTraits.Tags, BlobStates.None, query.Prefix, cancellationToken).AsPages(NullIfEmpty(marker), ListingPageSize))
        {
            var seen = 0;
            foreach (var item in page.Values.Where(item => query.Matches(item.Tags)))
            {
                if (seen++ < skip)
                {
                    continue;
                }

                matches.Add(new TaggedBlob(item.Name, item.Tags.AsReadOnly()));
                if (matches.Count == pageSize)
                {
                    return new TagPage(matches, string.Create(CultureInfo.InvariantCulture, $"{seen}:{marker}"));
                }
            }

            if (string.IsNullOrEmpty(page.ContinuationToken))
            {
                break;
            }

            skip = 0;
            marker = page.ContinuationToken;
        }

        return new TagPage(matches, null);
    }

    private static (int Skip, string Marker) ParseListingToken(string? continuation)
    {
        if (string.IsNullOrEmpty(continuation))
        {
            return (0, "");
        }

        var colon = continuation.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(continuation.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
            ? (skip, continuation[(colon + 1)..])
            : throw new FormatException($"'{continuation}' is not a continuation token of this listing.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

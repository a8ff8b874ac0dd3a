using Archiver.Archive;
using Archiver.Functions.Downloads;
using Archiver.Recheck;
using Archiver.Functions.Errors;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Endpoints;

/// <summary>The archived tweets: their state and history, snapshots, media files and bundles.</summary>
public static class TweetsApi
{
    /// <summary>The query parameters of <c>GET /api/tweets</c>; <c>code</c> carries the function key.</summary>
    private static readonly string[] ListingParameters = ["status", "changedSince", "pageSize", "continuationToken", "code"];

    internal static async Task<Results<Ok<TweetListView>, JsonHttpResult<ApiError>>> ListTweetsAsync(
        HttpRequest request, string? status, string? changedSince, int? pageSize, string? continuationToken, TweetListing listing, CancellationToken cancellationToken)
    {
        if (request.Query.Keys.FirstOrDefault(key => !ListingParameters.Contains(key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return ApiErrors.BadRequest("invalid_query", $"'{unknown}' is not a parameter of this listing; it takes {string.Join(", ", ListingParameters.Where(p => p != "code"))}.");
        }

        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(changedSince))
        {
            if (!DateTimeOffset.TryParse(changedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ApiErrors.BadRequest("invalid_query", $"changedSince '{changedSince}' is not a date and time (ISO 8601, e.g. 2026-11-25T00:00:00Z).");
            }

            since = parsed.ToUniversalTime();
        }

        TweetStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.GetValues<TweetStatus>().Any(s => EnumNames.Of(s) == status))
            {
                return ApiErrors.BadRequest("invalid_query", $"status '{status}' is not one of {string.Join(", ", Enum.GetValues<TweetStatus>().Select(s => EnumNames.Of(s)))}.");
            }

            wanted = Enum.GetValues<TweetStatus>().First(s => EnumNames.Of(s) == status);
        }

        if (pageSize is < 1 or > 200)
        {
            return ApiErrors.BadRequest("invalid_query", "pageSize must be between 1 and 200.");
        }

        var filter = $"tweets?status={status}&changedSince={since?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}";
        string? marker = null;
        if (!string.IsNullOrEmpty(continuationToken) && !ListingToken.TryUnwrap(continuationToken, filter, out marker, out var problem))
        {
            return ApiErrors.BadRequest("invalid_query", problem);
        }

        try
        {
            var page = await listing.ListAsync(wanted, since, pageSize ?? 50, marker, cancellationToken);
            return TypedResults.Ok(page with { ContinuationToken = ListingToken.Wrap(page.ContinuationToken, filter) });
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return ApiErrors.BadRequest("invalid_query", "continuationToken is not a token this listing gave out; start again without it.");
        }
    }

    internal static async Task<Results<Ok<TweetView>, JsonHttpResult<ApiError>>> GetTweetAsync(string id, ArchiveStore store, CancellationToken cancellationToken)
    {
        if (!IsTweetId(id) || await store.ReadStateAsync(id, cancellationToken) is not { } state)
        {
            return NotArchived(id);
        }

        var latest = state.Value.Latest is { } version ? await store.ReadSnapshotAsync(id, version.Version, cancellationToken) : null;
        return TypedResults.Ok(TweetView.Of(state.Value, latest));
    }

    internal static async Task<IResult> GetSnapshotAsync(string id, string version, ArchiveStore store, BlobDownloads downloads, HttpContext context, CancellationToken cancellationToken)
    {
        if (!IsTweetId(id) || await store.ReadStateAsync(id, cancellationToken) is not { } state)
        {
            return NotArchived(id);
        }

        var known = state.Value.Versions.FirstOrDefault(v => v.Version == version);
        return known is null
            ? ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"Tweet {id} has no snapshot '{version}'.")
            : await downloads.ServeAsync(store.Blob(known.Blob), "application/json", null, context, cancellationToken);
    }

    internal static async Task<IResult> GetMediaAsync(string id, string file, ArchiveStore store, BlobDownloads downloads, HttpContext context, CancellationToken cancellationToken)
    {
        if (!IsTweetId(id) || await store.ReadStateAsync(id, cancellationToken) is not { } state)
        {
            return NotArchived(id);
        }

        // Only files the tweet's own snapshots refer to are served under its path.
        foreach (var version in state.Value.Versions.Reverse())
        {
            var snapshot = await store.ReadSnapshotAsync(id, version.Version, cancellationToken);
            if (snapshot?.Files.FirstOrDefault(f => f.File == file) is { } found)
            {
                return await downloads.ServeAsync(store.Blob(found.Blob), found.ContentType, found.File, context, cancellationToken);
            }
        }

        return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"Tweet {id} has no media file '{file}'.");
    }

    internal static async Task<IResult> GetBundleAsync(string id, string? format, ArchiveStore store, BundleExporter exporter, BlobDownloads downloads, HttpContext context, CancellationToken cancellationToken)
    {
        BundleFormat packing;
        switch (format)
        {
            case null or "" or "zip":
                packing = BundleFormat.Zip;
                break;
            case "wacz":
                packing = BundleFormat.Wacz;
                break;
            default:
                return ApiErrors.BadRequest("invalid_query", $"format '{format}' is not a bundle format: use zip (the default) or wacz.");
        }

        if (!IsTweetId(id) || await store.ReadStateAsync(id, cancellationToken) is not { } state)
        {
            return NotArchived(id);
        }

        return await exporter.PrepareAsync(state.Value, cancellationToken) is { } bundle
            ? await downloads.ServeBundleAsync(bundle, packing, context, cancellationToken)
            : ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"Tweet {id} has no capture to bundle yet (status: {EnumNames.Of(state.Value.Status)}).");
    }

    internal static async Task<Results<Ok<TweetView>, JsonHttpResult<ApiError>>> RecheckAsync(
        string id, TweetRechecker rechecker, ArchiveStore store, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var result = IsTweetId(id) ? await rechecker.RecheckAsync(id, onlyIfDue: false, cancellationToken) : RecheckResult.NotArchived;
        if (result.Status == RecheckStatus.Busy)
        {
            // A claim expires: at the latest then (its holder may also have died), the tweet can be checked again.
            var until = result.BusyUntil ?? time.GetUtcNow();
            var seconds = Math.Max(1, (long)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiErrors.Create(StatusCodes.Status409Conflict, "busy",
                $"Tweet {id} is being checked right now; try again after {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (in {seconds} s), when the check's claim expires at the latest.");
        }

        if (result.Status == RecheckStatus.NotArchived || await store.ReadStateAsync(id, cancellationToken) is not { } state)
        {
            return NotArchived(id);
        }

        var latest = state.Value.Latest is { } version ? await store.ReadSnapshotAsync(id, version.Version, cancellationToken) : null;
        var capture = result.Capture!;
        return TypedResults.Ok(TweetView.Of(state.Value, latest) with
        {
            Check = new CheckOutcome(capture.Outcome, capture.Reason is { } reason ? EnumNames.Of(reason) : null, capture.Error, state.Value.NextCheckAt),
        });
    }

    internal static async Task<Results<Ok<VersionDiff>, JsonHttpResult<ApiError>>> GetDiffAsync(
        string id, string? from, string? to, ArchiveStore store, CancellationToken cancellationToken)
    {
        if (!IsTweetId(id) || await store.ReadStateAsync(id, cancellationToken) is not { } state)
        {
            return NotArchived(id);
        }

        var versions = state.Value.Versions;
        if (versions.Count == 0)
        {
            return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found",
                $"Tweet {id} has no captured version yet (status: {EnumNames.Of(state.Value.Status)}), so there is nothing to compare.");
        }

        var toVersion = to ?? versions.LastOrDefault()?.Version;
        var fromVersion = from ?? (versions.Count > 1 ? versions[^2].Version : toVersion);
        foreach (var version in new[] { fromVersion, toVersion })
        {
            if (version is null || versions.All(v => v.Version != version))
            {
                return ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"Tweet {id} has no version '{version}'. Versions: {string.Join(", ", versions.Select(v => v.Version))}.");
            }
        }

        var older = await store.ReadSnapshotAsync(id, fromVersion!, cancellationToken);
        var newer = await store.ReadSnapshotAsync(id, toVersion!, cancellationToken);
        return older is null || newer is null
            ? ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", $"A snapshot of tweet {id} is missing from the archive.")
            : TypedResults.Ok(VersionDiff.Between(older, newer));
    }

    private static JsonHttpResult<ApiError> NotArchived(string id) =>
        ApiErrors.Create(StatusCodes.Status404NotFound, "not_found", IsTweetId(id) ? $"Tweet {id} is not in the archive." : $"'{id}' is not a tweet id (1 to 19 digits).");

    internal static bool IsTweetId(string id) => id.Length is >= 1 and <= 19 && id.All(char.IsAsciiDigit);
}

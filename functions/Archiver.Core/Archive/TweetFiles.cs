using Archiver.Progress;
using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// Streams every file a tweet refers to (media, video posters, the avatar at 400×400, the card image) into the
/// archive under its hash, and keeps every upstream body verbatim under its hash.
/// </summary>
internal sealed class TweetFiles(MediaFetcher mediaFetcher, ArchiveStore store)
{
    /// <summary>The files saved, those gone for good, or the transient failure that stops this capture (retried later).</summary>
    public async Task<(IReadOnlyList<SnapshotFile> Files, IReadOnlyList<SnapshotMissingFile> Missing, string? Transient)> SaveAsync(TweetData tweet, CancellationToken cancellationToken)
    {
        var files = new List<SnapshotFile>();
        var missing = new List<SnapshotMissingFile>();
        var all = WantedFiles(tweet).ToList();
        foreach (var wanted in all)
        {
            await using var download = await mediaFetcher.DownloadAsync(wanted.Url, wanted.Fallbacks, wanted.Kind, cancellationToken);
            if (download.IsTransient)
            {
                return (files, missing, $"{wanted.Role} {wanted.Url}: {download.Error}");
            }

            if (!download.Succeeded)
            {
                missing.Add(new SnapshotMissingFile { Role = wanted.Role, Index = wanted.Index, SourceUrl = wanted.Url, Reason = $"{download.Failure}: {download.Error}" });
                continue;
            }

            var blob = await store.PutMediaAsync(download.FilePath!, download.Sha256!, download.ContentType!, cancellationToken);
            ProgressScope.Report(new ProgressStep { Step = "media", Media = files.Count + missing.Count + 1, MediaCount = all.Count, Bytes = download.Size });
            files.Add(new SnapshotFile
            {
                Role = wanted.Role,
                Index = wanted.Index,
                File = MediaFileName(download.Sha256!, download.ContentType!),
                SourceUrl = download.Url!,
                Blob = blob,
                Sha256 = download.Sha256!,
                Size = download.Size,
                ContentType = download.ContentType!,
                Width = wanted.Media?.Width,
                Height = wanted.Media?.Height,
                DurationMs = wanted.Media?.DurationMs,
                AltText = wanted.Media?.AltText,
            });
        }

        return (files, missing, null);
    }

    /// <summary>Keeps every upstream body verbatim under its hash and describes it for the snapshot.</summary>
    public async Task<IReadOnlyList<SnapshotSource>> SaveEvidenceAsync(IReadOnlyList<SourceOutcome> outcomes, CancellationToken cancellationToken)
    {
        var sources = new List<SnapshotSource>();
        foreach (var outcome in outcomes)
        {
            foreach (var exchange in outcome.Evidence)
            {
                var blob = await store.PutRawAsync(exchange, cancellationToken);
                sources.Add(new SnapshotSource
                {
                    Source = outcome.Source,
                    Endpoint = exchange.Endpoint,
                    Url = exchange.Url,
                    Status = exchange.Status,
                    ContentType = exchange.ContentType,
                    Location = exchange.Location,
                    At = exchange.At,
                    Sha256 = exchange.Sha256,
                    Size = exchange.Body.Length,
                    Truncated = exchange.Truncated,
                    Blob = blob,
                    Outcome = outcome switch
                    {
                        TweetFound => "found",
                        TweetUnavailable u => $"unavailable:{EnumNames.Of(u.Reason)}",
                        SourceFailed f => $"failed:{f.Error}",
                        _ => "unknown",
                    },
                });
            }
        }

        return sources;
    }

    /// <summary>The file name media is downloaded by: its hash and an extension from its type.</summary>
    public static string MediaFileName(string sha256, string contentType) => sha256 + (contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "video/mp4" => ".mp4",
        _ => "",
    });

    private sealed record WantedFile(string Role, int? Index, string Url, IReadOnlyList<string> Fallbacks, MediaContentKind Kind, TweetMedia? Media);

    private static IEnumerable<WantedFile> WantedFiles(TweetData tweet)
    {
        for (var i = 0; i < tweet.Media.Count; i++)
        {
            var media = tweet.Media[i];
            yield return new WantedFile("media", i, media.Url, media.FallbackUrls, media.Kind == MediaKind.Photo ? MediaContentKind.Image : MediaContentKind.Video, media);
            if (media.PosterUrl is { } poster)
            {
                yield return new WantedFile("poster", i, poster, [], MediaContentKind.Image, null);
            }
        }

        if (tweet.Author?.ProfileImageUrl is { } avatar)
        {
            var large = MediaUrls.ProfileImage400(avatar);
            yield return new WantedFile("avatar", null, large, large == avatar ? [] : [avatar], MediaContentKind.Image, null);
        }

        if (tweet.Card?.ImageUrl is { } cardImage)
        {
            yield return new WantedFile("card", null, cardImage, [], MediaContentKind.Image, null);
        }
    }
}

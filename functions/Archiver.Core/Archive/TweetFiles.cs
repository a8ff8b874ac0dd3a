using Archiver.Progress;
using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// Streams every file a tweet refers to (media, video posters, the avatar at 400×400, the card image) into the
/// archive under its hash, and keeps every upstream body verbatim under its hash.
/// </summary>
internal sealed class TweetFiles(MediaFetcher mediaFetcher, ArchiveStore store)
{
    /// <summary>
    /// Downloads and stores each file the tweet names, except those in <paramref name="stored"/> (by
    /// <see cref="KeyOf"/>), which are kept as they are. Every file is tried: one failing stops none of the others.
    /// </summary>
    public async Task<(IReadOnlyList<SnapshotFile> Files, IReadOnlyList<MissingPart> Failed)> SaveAsync(
        TweetData tweet, IReadOnlyDictionary<string, string> provenance, IReadOnlyList<SnapshotFile> stored, CancellationToken cancellationToken)
    {
        var files = new List<SnapshotFile>();
        var failed = new List<MissingPart>();
        var all = WantedFiles(tweet).ToList();
        foreach (var wanted in all)
        {
            var key = KeyOf(wanted.Role, wanted.Index, wanted.Url);
            if (stored.FirstOrDefault(f => KeyOf(f) == key) is { } already)
            {
                files.Add(already);
                continue;
            }

            await using var download = await mediaFetcher.DownloadAsync(wanted.Url, wanted.Fallbacks, wanted.Kind, cancellationToken);
            if (!download.Succeeded)
            {
                failed.Add(new MissingPart
                {
                    Part = "file",
                    Role = wanted.Role,
                    Index = wanted.Index,
                    SourceUrl = wanted.Url,
                    Kind = download.Failure switch
                    {
                        MediaFailure.Gone => PartFailure.Gone,
                        MediaFailure.TooLarge or MediaFailure.Refused => PartFailure.Conclusive,
                        // A broken stream, a 429 or 5xx, and an HTML page where an image belongs pass.
                        _ => PartFailure.Transient,
                    },
                    Reason = $"{download.Failure}: {download.Error}",
                    RetryAfter = download.Exchanges.Select(e => e.RetryAfter).Max(),
                });
                continue;
            }

            var blob = await store.PutMediaAsync(download.FilePath!, download.Sha256!, download.ContentType!, cancellationToken);
            ProgressScope.Report(new ProgressStep { Step = "media", Media = files.Count + failed.Count + 1, MediaCount = all.Count, Bytes = download.Size });
            files.Add(new SnapshotFile
            {
                Role = wanted.Role,
                Index = wanted.Index,
                File = MediaFileName(download.Sha256!, download.ContentType!),
                SourceUrl = download.Url!,
                NamedUrl = download.Url == wanted.Url ? null : wanted.Url,
                Blob = blob,
                Sha256 = download.Sha256!,
                Size = download.Size,
                ContentType = download.ContentType!,
                Width = wanted.Media?.Width,
                Height = wanted.Media?.Height,
                DurationMs = wanted.Media?.DurationMs,
                AltText = wanted.Media?.AltText,
                ListedBy = provenance.TryGetValue(wanted.Part, out var source) ? source : null,
                FetchedAt = download.Exchanges.Count > 0 ? download.Exchanges[^1].At : null,
                Http = download.Exchanges.Count > 0 ? download.Exchanges[^1].Http : null,
            });
        }

        return (files, failed);
    }

    /// <summary>The same file in two captures: its role, position and the URL the tweet names.</summary>
    public static string KeyOf(SnapshotFile file) => KeyOf(file.Role, file.Index, file.NamedUrl ?? file.SourceUrl);

    public static string KeyOf(string role, int? index, string url) => $"file:{role}:{index}:{url}";

    /// <summary>Keeps every upstream body verbatim under its hash and describes it for the snapshot.</summary>
    public async Task<IReadOnlyList<SnapshotSource>> SaveEvidenceAsync(IReadOnlyList<SourceOutcome> outcomes, CancellationToken cancellationToken)
    {
        var sources = new List<SnapshotSource>();
        foreach (var outcome in outcomes)
        {
            foreach (var exchange in outcome.Evidence)
            {
                var blob = await store.PutRawAsync(exchange, cancellationToken);
                sources.Add(SnapshotSource.Of(exchange, blob, outcome.Source, outcome switch
                {
                    TweetFound => "found",
                    TweetUnavailable u => $"unavailable:{EnumNames.Of(u.Reason)}",
                    SourceFailed f => $"failed:{f.Error}",
                    _ => "unknown",
                }));
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

    private sealed record WantedFile(string Role, int? Index, string Url, IReadOnlyList<string> Fallbacks, MediaContentKind Kind, TweetMedia? Media, string Part);

    private static IEnumerable<WantedFile> WantedFiles(TweetData tweet)
    {
        for (var i = 0; i < tweet.Media.Count; i++)
        {
            var media = tweet.Media[i];
            yield return new WantedFile("media", i, media.Url, media.FallbackUrls, media.Kind == MediaKind.Photo ? MediaContentKind.Image : MediaContentKind.Video, media, TweetParts.Media);
            if (media.PosterUrl is { } poster)
            {
                yield return new WantedFile("poster", i, poster, [], MediaContentKind.Image, null, TweetParts.Media);
            }
        }

        if (tweet.Author?.ProfileImageUrl is { } avatar)
        {
            var large = MediaUrls.ProfileImage400(avatar);
            yield return new WantedFile("avatar", null, large, large == avatar ? [] : [avatar], MediaContentKind.Image, null, TweetParts.Author);
        }

        if (tweet.Card?.ImageUrl is { } cardImage)
        {
            yield return new WantedFile("card", null, cardImage, [], MediaContentKind.Image, null, TweetParts.Card);
        }
    }
}

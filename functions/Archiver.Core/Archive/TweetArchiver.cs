using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Archiver.Recheck;
using Archiver.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Archive;

/// <summary>
/// Archives one tweet: fetch through the ladder of sources, keep every raw body, stream every media file to the
/// archive, write a snapshot when the content changed, then the state that points at it — in that order, so a crash
/// leaves either the old state or the new one and a re-run finishes without duplicates.
/// </summary>
public sealed class TweetArchiver(
    TweetFetcher fetcher,
    MediaFetcher mediaFetcher,
    ArchiveStore store,
    IOptions<ArchiveOptions> options,
    IOptions<RecheckOptions> recheck,
    TimeProvider time,
    ILogger<TweetArchiver> logger)
{
    public static string ArchiverVersion { get; } =
        typeof(TweetArchiver).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public async Task<TweetCapture> CaptureAsync(string tweetId, bool refresh, CancellationToken cancellationToken) =>
        await CaptureAsync(tweetId, refresh, options.Value.RelatedDepth, cancellationToken);

    private async Task<TweetCapture> CaptureAsync(string tweetId, bool refresh, int relatedDepth, CancellationToken cancellationToken)
    {
        var existing = (await store.ReadStateAsync(tweetId, cancellationToken))?.Value;
        if (!refresh && existing is { Latest: { } latest, LastArchivedAt: { } archivedAt } && time.GetUtcNow() - archivedAt < options.Value.FreshnessWindow)
        {
            return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Archived, Version = latest.Version, Reused = true };
        }

        var report = await fetcher.FetchAsync(tweetId, cancellationToken);
        if (report.Tweet is null)
        {
            return await RecordNotFoundAsync(tweetId, report, cancellationToken);
        }

        var capture = await SaveAsync(tweetId, report, report.Tweet, cancellationToken);
        if (capture.Outcome == CitationOutcome.Archived && relatedDepth > 0)
        {
            foreach (var related in Related(report.Tweet))
            {
                var relatedCapture = await CaptureAsync(related, refresh: false, relatedDepth - 1, cancellationToken);
                Log.RelatedCaptured(logger, tweetId, related, relatedCapture.Outcome.ToString());
            }
        }

        return capture;
    }

    private static IEnumerable<string> Related(TweetData tweet) =>
        new[] { tweet.QuotedTweetId ?? tweet.QuotedTweet?.Id, tweet.ParentTweetId ?? tweet.Parent?.Id }
            .OfType<string>()
            .Where(id => id != tweet.Id)
            .Distinct();

    private async Task<TweetCapture> SaveAsync(string tweetId, FetchReport report, TweetData tweet, CancellationToken cancellationToken)
    {
        var capturedAt = time.GetUtcNow();
        var sources = await SaveEvidenceAsync(report.Outcomes, cancellationToken);
        var (files, missing, transient) = await SaveFilesAsync(tweet, cancellationToken);
        if (transient is not null)
        {
            await store.UpdateStateAsync(tweetId, state => Pending(tweetId, state, capturedAt, transient), cancellationToken);
            return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Pending, Error = transient };
        }

        var contentHash = ContentHash(tweet, files);
        var previous = (await store.ReadStateAsync(tweetId, cancellationToken))?.Value;
        var version = previous?.Latest is { } latest && latest.ContentHash == contentHash ? null : BlobNames.Version(capturedAt);
        if (version is not null)
        {
            await store.WriteSnapshotAsync(new Snapshot
            {
                TweetId = tweetId,
                Version = version,
                CapturedAt = capturedAt,
                ArchiverVersion = ArchiverVersion,
                ContentHash = contentHash,
                TweetSource = report.SuppliedBy.TryGetValue("tweet", out var source) ? source : report.Outcomes.OfType<TweetFound>().First().Source,
                Tweet = tweet,
                EmbedHtml = report.EmbedHtml,
                CreatedAtWarning = CreatedAtWarning(tweet),
                Files = files,
                Missing = missing,
                Sources = sources,
            }, cancellationToken);
        }

        var state = await store.UpdateStateAsync(tweetId, current => Archived(tweetId, current, tweet, capturedAt, version, contentHash, report), cancellationToken);
        return new TweetCapture
        {
            TweetId = tweetId,
            Outcome = CitationOutcome.Archived,
            Version = state.Latest?.Version,
            NewVersion = version is not null && state.Latest?.Version == version,
        };
    }

    private TweetState Archived(string tweetId, TweetState? current, TweetData tweet, DateTimeOffset at, string? version, string contentHash, FetchReport report)
    {
        var versions = current?.Versions ?? [];
        if (version is not null && versions.All(v => v.ContentHash != contentHash || v.Version != version))
        {
            versions = [.. versions, new TweetVersion { Version = version, CapturedAt = at, ContentHash = contentHash, Blob = BlobNames.Snapshot(tweetId, version) }];
        }

        var wasGone = current?.Status is TweetStatus.Deleted or TweetStatus.Suspended or TweetStatus.Protected or TweetStatus.AgeRestricted or TweetStatus.Withheld or TweetStatus.NotFound;
        var status = wasGone ? TweetStatus.Restored : TweetStatus.Available;
        var history = current?.History ?? [];
        if (current?.Status != status || history.Count == 0)
        {
            var found = report.Outcomes.OfType<TweetFound>().First();
            history = [.. history, new StatusChange { At = at, Status = status, Source = found.Source, HttpStatus = found.Evidence[^1].Status, EvidenceSha256 = found.Evidence[^1].Sha256 }];
        }

        return new TweetState
        {
            TweetId = tweetId,
            ScreenName = tweet.Author?.ScreenName ?? current?.ScreenName,
            Status = status,
            FirstSeenAt = current?.FirstSeenAt ?? at,
            LastArchivedAt = at,
            LastCheckedAt = at,
            NextCheckAt = at + recheck.Value.Intervals[0],
            IntervalIndex = 0,
            Versions = versions,
            History = history,
            Related = [.. (current?.Related ?? []).Union(Related(tweet))],
        };
    }

    private async Task<TweetCapture> RecordNotFoundAsync(string tweetId, FetchReport report, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        if (report.Unavailable is not { } reason)
        {
            var error = string.Join("; ", report.Outcomes.OfType<SourceFailed>().Select(f => $"{f.Source}: {f.Error}"));
            await store.UpdateStateAsync(tweetId, state => Pending(tweetId, state, at, error), cancellationToken);
            return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Pending, Error = error };
        }

        await SaveEvidenceAsync(report.Outcomes, cancellationToken);
        var answer = report.Outcomes.OfType<TweetUnavailable>().First(u => u.Reason == reason);
        await store.UpdateStateAsync(tweetId, state => (state ?? New(tweetId, at)) with
        {
            Status = state?.Latest is null ? TweetStatus.Unavailable : state.Status,
            Reason = reason,
            LastCheckedAt = at,
            NextCheckAt = at + recheck.Value.ConfirmSpacing,
            History = [.. state?.History ?? [], new StatusChange
            {
                At = at, Status = TweetStatus.Unavailable, Reason = reason, Source = answer.Source,
                HttpStatus = answer.Evidence[^1].Status, Wording = answer.Wording, EvidenceSha256 = answer.Evidence[^1].Sha256,
            }],
        }, cancellationToken);
        return new TweetCapture { TweetId = tweetId, Outcome = CitationOutcome.Unavailable, Reason = reason };
    }

    private TweetState Pending(string tweetId, TweetState? state, DateTimeOffset at, string error) =>
        (state ?? New(tweetId, at)) with { LastError = error, NextCheckAt = at + recheck.Value.ConfirmSpacing };

    private static TweetState New(string tweetId, DateTimeOffset at) =>
        new() { TweetId = tweetId, Status = TweetStatus.Pending, FirstSeenAt = at };

    /// <summary>Keeps every upstream body verbatim under its hash and describes it for the snapshot.</summary>
    private async Task<IReadOnlyList<SnapshotSource>> SaveEvidenceAsync(IReadOnlyList<SourceOutcome> outcomes, CancellationToken cancellationToken)
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

    /// <summary>Streams every file the tweet refers to into the archive. A transient failure stops the capture (retried later).</summary>
    private async Task<(IReadOnlyList<SnapshotFile> Files, IReadOnlyList<SnapshotMissingFile> Missing, string? Transient)> SaveFilesAsync(TweetData tweet, CancellationToken cancellationToken)
    {
        var files = new List<SnapshotFile>();
        var missing = new List<SnapshotMissingFile>();
        foreach (var wanted in WantedFiles(tweet))
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

    /// <summary>The tweet's content fingerprint extended with the bytes of its media (not the avatar's).</summary>
    private static string ContentHash(TweetData tweet, IReadOnlyList<SnapshotFile> files)
    {
        var text = new StringBuilder(TweetContent.Hash(tweet));
        foreach (var file in files.Where(f => f.Role is "media" or "card"))
        {
            text.Append('\n').Append(file.Role).Append(':').Append(file.Sha256);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? CreatedAtWarning(TweetData tweet) =>
        tweet.CreatedAt is { } created && Snowflake.TryGetTimestamp(tweet.Id, out var snowflake) && (created - snowflake).Duration() > TimeSpan.FromMinutes(1)
            ? $"created_at {created:O} differs from the id's snowflake time {snowflake:O}"
            : null;
}

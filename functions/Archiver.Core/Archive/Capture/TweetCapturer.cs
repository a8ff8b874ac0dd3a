using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// Captures a tweet: asks the ladder of sources, keeps every raw body, stores every file the tweet names, and judges
/// what the capture holds and lacks. Records nothing about the tweet; <see cref="CaptureRecorder"/> does.
/// </summary>
internal sealed class TweetCapturer(TweetFetcher fetcher, TweetFiles tweetFiles, TimeProvider time)
{
    public async Task<Capture> CaptureAsync(string tweetId, CancellationToken cancellationToken)
    {
        var report = await fetcher.FetchAsync(tweetId, cancellationToken);
        var sources = await tweetFiles.SaveEvidenceAsync(report.Outcomes, cancellationToken);
        return await CompleteAsync(tweetId, report, sources, [], cancellationToken);
    }

    /// <summary>
    /// Tries again what <paramref name="previous"/> lacks: the sources again only when a part of the tweet is missing
    /// (keeping each source's best answer), and only the files not yet stored.
    /// </summary>
    public async Task<Capture> RetryAsync(Capture previous, CancellationToken cancellationToken)
    {
        var needsSources = previous.Tweet is null || previous.Missing.Any(m => m.Part != "file" && m.Kind == PartFailure.Transient);
        if (!needsSources && previous.Tweet is { } tweet)
        {
            var (files, failed) = await tweetFiles.SaveAsync(tweet, previous.Provenance, previous.Files, cancellationToken);
            var (media, other) = Capture.Split(failed);
            return previous with
            {
                CapturedAt = time.GetUtcNow(),
                Files = files,
                Missing = [.. previous.Missing.Where(m => m.Part != "file"), .. media],
                OtherMissing = other,
            };
        }

        var again = await fetcher.FetchAsync(previous.TweetId, cancellationToken);
        var sources = await tweetFiles.SaveEvidenceAsync(again.Outcomes, cancellationToken);
        var merged = previous.Report is null ? again : FetchReports.Assemble(previous.TweetId, Best(previous.Report.Outcomes, again.Outcomes));
        return await CompleteAsync(previous.TweetId, merged, [.. previous.Sources, .. sources], previous.Files, cancellationToken);
    }

    /// <summary>Completes a stored partial capture's files, without asking the sources again.</summary>
    public async Task<Capture> RetryFilesAsync(Snapshot stored, CancellationToken cancellationToken)
    {
        var completeness = stored.Completeness!;
        var provenance = completeness.Parts;
        var (files, failed) = await tweetFiles.SaveAsync(stored.Tweet, provenance, stored.Files, cancellationToken);
        var (media, other) = Capture.Split(failed);
        return new Capture
        {
            TweetId = stored.TweetId,
            CapturedAt = time.GetUtcNow(),
            Tweet = stored.Tweet,
            TweetSource = stored.TweetSource,
            EmbedHtml = stored.EmbedHtml,
            Provenance = provenance,
            Files = files,
            Missing = [.. completeness.Missing.Where(m => m.Part != "file"), .. media],
            OtherMissing = other,
            Failures = completeness.Failures,
            Sources = stored.Sources,
        };
    }

    private async Task<Capture> CompleteAsync(string tweetId, FetchReport report, IReadOnlyList<SnapshotSource> sources, IReadOnlyList<SnapshotFile> stored, CancellationToken cancellationToken)
    {
        var capture = new Capture { TweetId = tweetId, CapturedAt = time.GetUtcNow(), Report = report, Sources = sources, Failures = Failures(report.Outcomes) };
        if (report.Tweet is not { } tweet)
        {
            return capture;
        }

        var tweetSource = report.SuppliedBy.TryGetValue("tweet", out var source) ? source : report.Outcomes.OfType<TweetFound>().First().Source;
        var provenance = TweetParts.Provenance(tweetSource, report.SuppliedBy);
        var (files, failed) = await tweetFiles.SaveAsync(tweet, provenance, stored, cancellationToken);
        var (media, other) = Capture.Split(failed);
        return capture with
        {
            Tweet = tweet,
            TweetSource = tweetSource,
            EmbedHtml = report.EmbedHtml,
            Provenance = provenance,
            Files = files,
            Missing = [.. MissingParts(report, tweet, provenance), .. media],
            OtherMissing = other,
        };
    }

    /// <summary>
    /// The parts a richer source than the one that delivered them (or none) would deliver, had it not failed
    /// transiently. A source's conclusive answer ("unavailable") leaves nothing missing: the next source is then the
    /// richest available.
    /// </summary>
    internal static IReadOnlyList<MissingPart> MissingParts(FetchReport report, TweetData tweet, IReadOnlyDictionary<string, string> provenance)
    {
        var failed = report.Outcomes.OfType<SourceFailed>().ToList();
        var missing = new List<MissingPart>();
        foreach (var part in TweetParts.All)
        {
            var holder = provenance.TryGetValue(part, out var s) ? s : null;
            var richer = failed.Where(f => TweetParts.Delivers(f.Source, part) && TweetParts.Rank(f.Source) > TweetParts.Rank(holder)).ToList();
            if (richer.Count > 0)
            {
                missing.Add(new MissingPart
                {
                    Part = part,
                    Kind = PartFailure.Transient,
                    Reason = $"{(holder is null ? "not delivered" : $"only {holder}'s")}: {string.Join("; ", richer.Select(f => $"{f.Source} failed ({f.Error})"))}",
                    RetryAfter = richer.SelectMany(f => f.Evidence).Select(e => e.RetryAfter).Max(),
                });
            }
        }

        if (tweet.Truncated && missing.All(m => m.Part != TweetParts.Text))
        {
            var fullText = failed.Where(f => f.Source == FxTwitterParser.SourceName).ToList();
            missing.Add(new MissingPart
            {
                Part = TweetParts.Text,
                Kind = fullText.Count > 0 ? PartFailure.Transient : PartFailure.Conclusive,
                Reason = fullText.Count > 0 ? $"truncated: {fullText[0].Source} failed ({fullText[0].Error})" : "truncated: no source delivered the full text",
            });
        }

        return missing;
    }

    private static IReadOnlyList<SourceFailure> Failures(IReadOnlyList<SourceOutcome> outcomes) =>
    [
        .. outcomes.Select(o => o switch
        {
            SourceFailed f => new SourceFailure { Source = f.Source, Kind = PartFailure.Transient, Detail = f.Error },
            TweetUnavailable u => new SourceFailure { Source = u.Source, Kind = PartFailure.Conclusive, Detail = $"unavailable: {EnumNames.Of(u.Reason)}{(u.Wording is null ? "" : $" ({u.Wording})")}" },
            _ => null,
        }).OfType<SourceFailure>(),
    ];

    /// <summary>Each source's best answer over two attempts: found over unavailable over failed; the later of equals.</summary>
    internal static IReadOnlyList<SourceOutcome> Best(IReadOnlyList<SourceOutcome> earlier, IReadOnlyList<SourceOutcome> later)
    {
        static int Strength(SourceOutcome o) => o switch { TweetFound => 2, TweetUnavailable => 1, _ => 0 };
        var best = new List<SourceOutcome>();
        foreach (var source in earlier.Concat(later).Select(o => o.Source).Distinct())
        {
            var before = earlier.LastOrDefault(o => o.Source == source);
            var after = later.LastOrDefault(o => o.Source == source);
            best.Add(before is null ? after! : after is null ? before : Strength(before) > Strength(after) ? before : after);
        }

        return best;
    }
}

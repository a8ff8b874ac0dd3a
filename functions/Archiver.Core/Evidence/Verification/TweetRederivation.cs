using System.Text.Json;
using Archiver.Archive;
using Archiver.Sources;

namespace Archiver.Evidence.Verification;

/// <summary>
/// Re-derives a snapshot's normalised tweet from the raw upstream bodies it lists, with the same parsers and the same
/// assembly rules the archiver used, and says whether it comes out the same.
/// </summary>
internal static class TweetRederivation
{
    /// <param name="body">The raw body with a given SHA-256, as the package holds it; null when it is not there.</param>
    public static VerificationRow Check(string item, Snapshot snapshot, Func<string, byte[]?> body)
    {
        var outcomes = new List<SourceOutcome>();
        foreach (var group in snapshot.Sources.GroupBy(s => s.Source))
        {
            var final = group.Last();
            var bytes = body(final.Sha256);
            if (bytes is null)
            {
                return new VerificationRow(item, "tweet re-derived from raw bodies", false, $"the raw body {final.Sha256} of {final.Source} is not in the package");
            }

            var exchange = new UpstreamExchange
            {
                Endpoint = final.Endpoint,
                Url = final.Url,
                Status = final.Status,
                ContentType = final.ContentType,
                Location = final.Location,
                At = final.At,
                Body = bytes,
                Truncated = final.Truncated,
                Sha256 = final.Sha256,
            };
            Func<UpstreamExchange, SourceOutcome>? parse = group.Key switch
            {
                SyndicationParser.SourceName => SyndicationParser.Parse,
                OEmbedParser.SourceName => OEmbedParser.Parse,
                FxTwitterParser.SourceName => FxTwitterParser.Parse,
                _ => null,
            };
            outcomes.Add(parse is null || final.Status is null || (final.Status is >= 300 and < 400 && final.Location is not null)
                ? new SourceFailed { Source = group.Key, Evidence = [exchange], Error = final.Outcome }
                : parse(exchange));
        }

        var report = FetchReports.Assemble(snapshot.TweetId, outcomes);
        if (report.Tweet is null)
        {
            return new VerificationRow(item, "tweet re-derived from raw bodies", false, "no source's raw body yields the tweet");
        }

        var derived = JsonSerializer.Serialize(report.Tweet, ArchiveJsonContext.Default.TweetData);
        var stored = JsonSerializer.Serialize(snapshot.Tweet, ArchiveJsonContext.Default.TweetData);
        if (derived != stored)
        {
            return new VerificationRow(item, "tweet re-derived from raw bodies", false, $"the raw bodies say otherwise: {FirstDifference(stored, derived)}");
        }

        if (report.EmbedHtml != snapshot.EmbedHtml)
        {
            return new VerificationRow(item, "tweet re-derived from raw bodies", false, "the oEmbed blockquote differs from the raw oEmbed body");
        }

        return new VerificationRow(item, "tweet re-derived from raw bodies", true, $"same tweet from {string.Join(", ", report.SuppliedBy.Values.Distinct())}");
    }

    private static string FirstDifference(string stored, string derived)
    {
        var at = 0;
        while (at < stored.Length && at < derived.Length && stored[at] == derived[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 20);
        return $"snapshot has …{stored.Substring(from, Math.Min(50, stored.Length - from))}… where the bodies give …{derived.Substring(from, Math.Min(50, derived.Length - from))}…";
    }
}

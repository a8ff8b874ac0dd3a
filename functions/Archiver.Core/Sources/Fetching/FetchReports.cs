namespace Archiver.Sources;

/// <summary>Assembles the ladder's answers into a <see cref="FetchReport"/>; pure, so each rule is tested on its own.</summary>
internal static class FetchReports
{
    public static FetchReport Assemble(string id, IReadOnlyList<SourceOutcome> outcomes)
    {
        var found = outcomes.OfType<TweetFound>().ToList();
        var syndication = found.FirstOrDefault(f => f.Source == SyndicationParser.SourceName);
        var fxTwitter = found.FirstOrDefault(f => f.Source == FxTwitterParser.SourceName);
        var oEmbed = found.FirstOrDefault(f => f.Source == OEmbedParser.SourceName);
        var primary = syndication ?? fxTwitter ?? oEmbed;
        var suppliedBy = new Dictionary<string, string>();
        if (oEmbed?.EmbedHtml is not null)
        {
            suppliedBy["embedHtml"] = oEmbed.Source;
        }

        TweetData? tweet = null;
        if (primary is not null)
        {
            tweet = primary.Tweet;
            suppliedBy["tweet"] = primary.Source;
            // FxTwitter's author is the fuller one (id, avatar); oEmbed's has only the name and handle.
            if (tweet.Author is null && new[] { fxTwitter, oEmbed }.FirstOrDefault(f => f?.Tweet.Author is not null) is { } withAuthor)
            {
                tweet = tweet with { Author = withAuthor.Tweet.Author };
                suppliedBy["author"] = withAuthor.Source;
            }

            if (tweet.Truncated && found.FirstOrDefault(f => f != primary && f.Source != OEmbedParser.SourceName && !f.Tweet.Truncated) is { } full)
            {
                tweet = tweet with { Text = full.Tweet.Text, Truncated = false };
                suppliedBy["text"] = full.Source;
            }
        }

        var unavailable = outcomes.OfType<TweetUnavailable>().ToList();
        return new FetchReport
        {
            Id = id,
            Tweet = tweet,
            EmbedHtml = oEmbed?.EmbedHtml,
            Outcomes = outcomes,
            Unavailable = found.Count == 0 && unavailable.Count > 0
                ? unavailable.Select(u => u.Reason).FirstOrDefault(r => r != Unavailability.NotFound, Unavailability.NotFound)
                : null,
            Transient = outcomes.All(o => o is SourceFailed),
            SuppliedBy = suppliedBy,
        };
    }

    public static string Summary(FetchReport report) =>
        string.Join(", ", report.Outcomes.Select(o => o switch
        {
            TweetFound => $"{o.Source} found",
            TweetUnavailable u => $"{o.Source} {u.Reason}",
            SourceFailed => $"{o.Source} failed",
            _ => o.Source,
        }));
}

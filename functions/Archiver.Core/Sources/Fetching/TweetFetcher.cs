using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Sources;

/// <summary>
/// Asks the ladder of sources about one tweet id and records every answer: syndication (<c>tweet-result</c> with the
/// computed token), then oEmbed (always: its blockquote is kept), then FxTwitter when syndication failed, was unavailable,
/// lacked the author or was truncated. A 429, 5xx, timeout, HTML where JSON was expected, or <c>{}</c> is a failure,
/// never a deletion.
/// </summary>
internal sealed class TweetFetcher(UpstreamClient client, IOptions<UpstreamOptions> options, ILogger<TweetFetcher> logger)
{
    public async Task<FetchReport> FetchAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > 19 || !id.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{id}' is not a tweet id (1 to 19 digits).", nameof(id));
        }

        var syndication = await AskAsync(SyndicationParser.SourceName, SyndicationUrl(id), SyndicationParser.Parse, cancellationToken);
        var oEmbed = await AskAsync(OEmbedParser.SourceName, OEmbedUrl(id), OEmbedParser.Parse, cancellationToken);
        var outcomes = new List<SourceOutcome> { syndication, oEmbed };
        if (options.Value.FxTwitterEnabled && NeedsFallback(syndication))
        {
            outcomes.Add(await AskAsync(FxTwitterParser.SourceName, FxTwitterUrl(id), FxTwitterParser.Parse, cancellationToken));
        }

        var report = FetchReports.Assemble(id, outcomes);
        UpstreamLog.TweetFetched(logger, id, FetchReports.Summary(report));
        return report;
    }

    public static Uri SyndicationUrl(string id) =>
        new($"https://cdn.syndication.twimg.com/tweet-result?id={id}&lang=en&token={Uri.EscapeDataString(SyndicationToken.Compute(id))}");

    public static Uri OEmbedUrl(string id) =>
        new($"https://publish.twitter.com/oembed?url={Uri.EscapeDataString($"https://twitter.com/i/status/{id}")}&omit_script=1&dnt=true");

    public static Uri FxTwitterUrl(string id) => new($"https://api.fxtwitter.com/status/{id}");

    private static bool NeedsFallback(SourceOutcome syndication) =>
        syndication is not TweetFound found || found.Tweet.Author is null || found.Tweet.Truncated;

    /// <summary>One rung: the call (redirects followed among allowed hosts), then the source's parser on the final answer.</summary>
    private async Task<SourceOutcome> AskAsync(string source, Uri url, Func<UpstreamExchange, SourceOutcome> parse, CancellationToken cancellationToken)
    {
        var answers = await client.SendFollowingAsync(source, url, cancellationToken);
        var final = answers[^1];
        var earlier = answers.Take(answers.Count - 1).Select(a => a.Exchange).ToList();
        SourceOutcome outcome = final switch
        {
            { Exchange.Status: null } => new SourceFailed { Source = source, Evidence = [final.Exchange], Error = final.Error ?? "No answer." },
            { IsRedirect: true } => new SourceFailed
            {
                Source = source,
                Evidence = [final.Exchange],
                Error = $"Redirected to {final.Location!.IdnHost}, which is not followed (not allowed, or too many redirects).",
            },
            _ => parse(final.Exchange),
        };
        return earlier.Count == 0 ? outcome : outcome with { Evidence = [.. earlier, .. outcome.Evidence] };
    }
}

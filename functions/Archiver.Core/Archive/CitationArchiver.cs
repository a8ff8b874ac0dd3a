using Archiver.Citations;
using Archiver.Progress;
using Archiver.Sources;
using Azure;

namespace Archiver.Archive;

/// <summary>
/// Takes one citation through resolve → fetch → snapshot → store, and says what became of it; a short link's
/// resolution is kept with it (and on the tweet it led to). Failures that may pass
/// (upstream or storage) leave it pending for the timer; nothing here throws for them.
/// </summary>
internal sealed class CitationArchiver(ShortLinkResolver resolver, ShortLinkRecorder shortLinks, TweetArchiver archiver)
{
    public async Task<CitationResult> ArchiveAsync(CitationResult current, bool refresh, int maxAttempts, CancellationToken cancellationToken)
    {
        var attempt = current with { Attempts = current.Attempts + 1 };
        try
        {
            // What the attempt learnt (a short link's resolution, the tweet it led to) stays on it if the capture throws.
            (attempt, var resolved) = await ResolveAsync(attempt, cancellationToken);
            var result = resolved ? await CaptureAsync(attempt, refresh, cancellationToken) : attempt;
            return result.Outcome == CitationOutcome.Pending && result.Attempts >= maxAttempts
                ? result with { Outcome = CitationOutcome.Failed, Error = $"Gave up after {result.Attempts} attempts: {result.Error}" }
                : result;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or IOException or TimeoutException)
        {
            return attempt.Attempts >= maxAttempts
                ? attempt with { Outcome = CitationOutcome.Failed, Error = $"Gave up after {attempt.Attempts} attempts: {e.Message}" }
                : attempt with { Outcome = CitationOutcome.Pending, Error = e.Message };
        }
    }

    /// <summary>
    /// Finds the tweet: <c>Resolved</c> with <see cref="CitationResult.TweetId"/> set, or the citation's outcome when
    /// there is none to capture. A short link is resolved once it led to a tweet (a later attempt captures that tweet);
    /// one that did not (a transient failure among them) is resolved again next time.
    /// </summary>
    private async Task<(CitationResult Current, bool Resolved)> ResolveAsync(CitationResult current, CancellationToken cancellationToken)
    {
        var citation = current.Citation;
        if ((citation.TweetId ?? current.TweetId) is { } known)
        {
            return (current with { TweetId = known }, true);
        }

        if (citation.ShortLink is not { } shortLink)
        {
            return (current with
            {
                Outcome = CitationOutcome.Unresolved,
                Error = "An embed signature without any link: the tweet cannot be identified from its text alone.",
            }, false);
        }

        ProgressScope.Report(new ProgressStep { Step = "resolving", Subject = shortLink });
        var resolution = await resolver.ResolveAsync(shortLink, cancellationToken);
        current = current with { Resolution = await shortLinks.KeepAsync(resolution, cancellationToken) };
        return resolution.Status switch
        {
            ShortLinkStatus.Tweet when IsReusedMedia(citation, resolution) => (current with
            {
                Outcome = CitationOutcome.Unresolved,
                Error = $"{shortLink} leads to media of @{resolution.ScreenName}'s tweet {resolution.TweetId}, but the embed is signed by @{citation.Embed!.ScreenName}: the media was re-used, so the embedding tweet stays unidentified.",
            }, false),
            ShortLinkStatus.Tweet => (current with { TweetId = resolution.TweetId! }, true),
            ShortLinkStatus.NotATweet => (current with { Outcome = CitationOutcome.NotATweet, Target = resolution.FinalUrl?.AbsoluteUri }, false),
            ShortLinkStatus.Transient => (current with { Outcome = CitationOutcome.Pending, Error = resolution.Error }, false),
            ShortLinkStatus.UnknownCode => (current with { Outcome = CitationOutcome.Unresolved, Error = $"t.co does not know {shortLink}." }, false),
            _ => (current with { Outcome = CitationOutcome.Failed, Error = resolution.Error ?? $"{shortLink} could not be resolved ({resolution.Status})." }, false),
        };
    }

    private async Task<CitationResult> CaptureAsync(CitationResult current, bool refresh, CancellationToken cancellationToken)
    {
        var tweetId = current.TweetId!;
        var capture = await archiver.CaptureAsync(tweetId, refresh, cancellationToken);
        if (current.Resolution is { } resolved && resolved.TweetId == tweetId)
        {
            // The short link is evidence about the tweet too: its bundles carry the hops.
            await shortLinks.ListOnTweetAsync(tweetId, resolved, cancellationToken);
        }

        return current with
        {
            Outcome = capture.Outcome,
            Version = capture.Version,
            Reason = capture.Reason is { } reason ? EnumNames.Of(reason) : null,
            Error = capture.Error,
            Missing = capture.Missing,
        };
    }

    /// <summary>A media link whose status URL names another handle than the embed's signature: the media was re-used.</summary>
    private static bool IsReusedMedia(Citation citation, ShortLinkResolution resolution) =>
        resolution.IsMediaLink
        && citation.Embed?.ScreenName is { } signed
        && resolution.ScreenName is { } owner
        && !string.Equals(signed, owner, StringComparison.OrdinalIgnoreCase);
}

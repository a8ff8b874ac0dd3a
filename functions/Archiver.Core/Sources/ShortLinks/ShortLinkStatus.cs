namespace Archiver.Sources;

/// <summary>How the resolution of a <c>t.co</c> / <c>pic.twitter.com</c> / <c>pic.x.com</c> link ended.</summary>
internal enum ShortLinkStatus
{
    /// <summary>It leads to a status URL: <see cref="ShortLinkResolution.TweetId"/> is set.</summary>
    Tweet,

    /// <summary>It leads somewhere else (another site, a profile): <see cref="ShortLinkResolution.FinalUrl"/> is the target, not fetched.</summary>
    NotATweet,

    /// <summary>t.co does not know the code (404/410).</summary>
    UnknownCode,

    /// <summary>More redirects than <see cref="UpstreamOptions.MaxRedirects"/>.</summary>
    TooManyRedirects,

    /// <summary>The input is not a short link.</summary>
    Invalid,

    /// <summary>No usable answer (timeout, 429, 5xx, open circuit): try again later.</summary>
    Transient,
}

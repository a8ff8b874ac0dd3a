namespace Archiver.Sources;

/// <summary>Why a media download gave no file.</summary>
internal enum MediaFailure
{
    /// <summary>No usable answer (timeout, 429, 5xx, a broken stream): try again later.</summary>
    Transient,

    /// <summary>Every URL tried answered 404 or 410.</summary>
    Gone,

    /// <summary>The file is larger than <see cref="UpstreamOptions.MaxMediaBytes"/>.</summary>
    TooLarge,

    /// <summary>The answer's content type is not one expected for the kind of media.</summary>
    WrongContentType,

    /// <summary>The URL is not on an allowed upstream host, or the host answered something else (403, a redirect).</summary>
    Refused,
}

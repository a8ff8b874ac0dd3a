namespace Archiver.Progress;

/// <summary>
/// One step of one citation's work: <c>resolving</c> (the short link), <c>fetching</c> (which source, which host, which
/// attempt), <c>media</c> (file <see cref="Media"/> of <see cref="MediaCount"/>, with its bytes), <c>storing</c>,
/// <c>done</c> (with the outcome).
/// </summary>
public sealed record ProgressStep
{
    public required string Step { get; init; }

    public string? SubmissionId { get; init; }

    /// <summary>The citation's index in the submission.</summary>
    public int Citation { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>fetching: the source asked (<c>tco</c>, <c>syndication</c>, <c>oembed</c>, <c>fxtwitter</c>, <c>media</c>).</summary>
    public string? Source { get; init; }

    public string? Host { get; init; }

    /// <summary>fetching: 1 for the first try, then each retry.</summary>
    public int? Attempt { get; init; }

    public int? Media { get; init; }

    public int? MediaCount { get; init; }

    public long? Bytes { get; init; }

    /// <summary>resolving: the short link; done: the tweet id when known.</summary>
    public string? Subject { get; init; }

    /// <summary>done: the citation's outcome.</summary>
    public string? Outcome { get; init; }

    /// <summary>done: the error or reason, in words.</summary>
    public string? Error { get; init; }
}

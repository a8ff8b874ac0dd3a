using System.Text.Json.Serialization;

namespace Archiver.Archive;

/// <summary>
/// How complete one capture is: which source delivered each part of the tweet, which sources or downloads failed and
/// how, and what is missing. A capture is complete when the richest available source answered and every file it
/// names is stored with its hash; otherwise it is partial and <see cref="Missing"/> says what is missing and why.
/// </summary>
public sealed record Completeness
{
    public required bool Complete { get; init; }

    /// <summary>Each part held (<c>text</c>, <c>author</c>, <c>createdAt</c>, <c>media</c>, <c>counts</c>, <c>card</c>, <c>quoted</c>, <c>parent</c>, <c>edits</c>) → the source that delivered it.</summary>
    public required IReadOnlyDictionary<string, string> Parts { get; init; }

    /// <summary>What this capture lacks: parts a richer source would deliver, and files not stored.</summary>
    public IReadOnlyList<MissingPart> Missing { get; init; } = [];

    /// <summary>Every source that gave no tweet, and how: a transient failure or a conclusive answer.</summary>
    public IReadOnlyList<SourceFailure> Failures { get; init; } = [];

    /// <summary>True while something missing may still come: a transient failure, or a 404 not yet confirmed.</summary>
    [JsonIgnore]
    public bool Retryable => Missing.Any(m => m.Kind != PartFailure.Conclusive);
}

/// <summary>A part of the tweet or a file that a capture lacks, and why.</summary>
public sealed record MissingPart
{
    /// <summary>A tweet part (<c>text</c>, <c>media</c>…) or <c>file</c> for a file named by the tweet.</summary>
    public required string Part { get; init; }

    /// <summary>For files: <c>media</c>, <c>poster</c>, <c>avatar</c> or <c>card</c>.</summary>
    public string? Role { get; init; }

    /// <summary>For media files and posters: the position in the tweet (0-based).</summary>
    public int? Index { get; init; }

    /// <summary>For files: the URL the tweet names.</summary>
    public string? SourceUrl { get; init; }

    public required PartFailure Kind { get; init; }

    public required string Reason { get; init; }

    /// <summary>For a file the host says is gone: consistent answers so far (see <c>Archiver__Recheck__ConfirmChecks</c>).</summary>
    public int? GoneChecks { get; init; }

    /// <summary>For a file the host says is gone: when the last answer that counted came.</summary>
    public DateTimeOffset? GoneAt { get; init; }

    /// <summary>The longest wait a host asked for (<c>Retry-After</c>) when this failed.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The same file (or part) in another capture.</summary>
    [JsonIgnore]
    public string Key => Part == "file" ? $"file:{Role}:{Index}:{SourceUrl}" : Part;
}

/// <summary>A source that gave no tweet in a capture.</summary>
public sealed record SourceFailure
{
    public required string Source { get; init; }

    /// <summary><see cref="PartFailure.Transient"/> for 429, 5xx, timeouts, broken bodies; <see cref="PartFailure.Conclusive"/> for a clear "unavailable" answer.</summary>
    public required PartFailure Kind { get; init; }

    public required string Detail { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<PartFailure>))]
public enum PartFailure
{
    /// <summary>No usable answer for now (429, 5xx, timeout, cut-off or wrong body): retried.</summary>
    Transient,

    /// <summary>The host said the file is gone (404/410), not yet confirmed by the re-check rules: retried.</summary>
    Gone,

    /// <summary>A conclusive answer (too large, refused, a confirmed 404, a source's clear "unavailable"): not retried.</summary>
    Conclusive,
}

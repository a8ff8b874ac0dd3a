namespace Archiver.Sources;

/// <summary>
/// A media file streamed to a temporary file, with its SHA-256, size and content type, or why it was not. The caller
/// uploads the file, then disposes this, which deletes it.
/// </summary>
internal sealed class MediaDownload : IAsyncDisposable
{
    /// <summary>The temporary file holding the bytes; null on failure.</summary>
    public string? FilePath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes, computed while streaming.</summary>
    public string? Sha256 { get; init; }

    public long Size { get; init; }

    /// <summary>The media type the host sent (<c>image/jpeg</c>, <c>video/mp4</c>…), without parameters.</summary>
    public string? ContentType { get; init; }

    /// <summary>The URL that delivered the bytes (the original or a fallback).</summary>
    public string? Url { get; init; }

    /// <summary>Every answer, in order, without bodies (media bytes are never kept in an exchange).</summary>
    public required IReadOnlyList<UpstreamExchange> Exchanges { get; init; }

    public MediaFailure? Failure { get; init; }

    public string? Error { get; init; }

    public bool Succeeded => Failure is null && FilePath is not null;

    public bool IsTransient => Failure == MediaFailure.Transient;

    /// <summary>Opens the downloaded file for reading (asynchronous, sequential).</summary>
    public FileStream OpenRead() =>
        new(FilePath ?? throw new InvalidOperationException($"No file: the download failed ({Failure}: {Error})."),
            FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        if (FilePath is not null)
        {
            File.Delete(FilePath);
        }

        return ValueTask.CompletedTask;
    }
}

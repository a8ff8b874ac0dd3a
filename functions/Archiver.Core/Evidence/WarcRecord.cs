namespace Archiver.Evidence;

/// <summary>
/// One WARC/1.1 record to write: its type, target, date and id, the HTTP head (status or request line and headers,
/// ending with the blank line) and the payload's length and digests. The writer asks the caller for the payload bytes.
/// </summary>
public sealed record WarcRecord
{
    /// <summary><c>warcinfo</c>, <c>request</c>, <c>response</c> or <c>resource</c>.</summary>
    public required string Type { get; init; }

    public string? TargetUri { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required Guid RecordId { get; init; }

    public Guid? ConcurrentTo { get; init; }

    /// <summary>The block's media type: <c>application/http; msgtype=response</c>, <c>application/warc-fields</c>…</summary>
    public required string ContentType { get; init; }

    /// <summary>The HTTP head in front of the payload (empty for records that are not HTTP messages).</summary>
    public ReadOnlyMemory<byte> HttpHead { get; init; }

    public required long PayloadLength { get; init; }

    /// <summary>Lower-case hex SHA-256 of the payload (the body after the HTTP head).</summary>
    public required string PayloadSha256 { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole block: HTTP head and payload.</summary>
    public required string BlockSha256 { get; init; }
}

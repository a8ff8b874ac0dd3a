namespace Archiver.Evidence;

/// <summary>An RFC 3161 token over a snapshot blob's SHA-256, kept beside it as <c>{version}.tsr</c>.</summary>
public sealed record SnapshotTimestamp
{
    /// <summary>The blob holding the authority's reply (DER <c>TimeStampResp</c>).</summary>
    public required string Blob { get; init; }

    /// <summary>Lower-case hex SHA-256 of the snapshot blob: what the token dates.</summary>
    public required string SnapshotSha256 { get; init; }

    public required string Authority { get; init; }

    /// <summary>The time the authority put in its token.</summary>
    public required DateTimeOffset GenTime { get; init; }

    public string? Serial { get; init; }

    public string? Signer { get; init; }
}

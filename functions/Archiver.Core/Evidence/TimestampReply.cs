namespace Archiver.Evidence;

/// <summary>What a Time-Stamp Authority answered: the reply (<c>.tsr</c>) and what its token says, or why there is none.</summary>
public sealed record TimestampReply
{
    /// <summary>The DER <c>TimeStampResp</c> as received, kept verbatim (what <c>openssl ts -verify -in</c> reads).</summary>
    public byte[]? Response { get; init; }

    /// <summary>The time the authority put in its token.</summary>
    public DateTimeOffset? GenTime { get; init; }

    /// <summary>The token's serial number, hex.</summary>
    public string? Serial { get; init; }

    /// <summary>The subject of the certificate that signed the token.</summary>
    public string? Signer { get; init; }

    public string? Error { get; init; }

    public bool Succeeded => Response is not null && Error is null;
}

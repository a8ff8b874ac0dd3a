using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

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

    /// <summary>What a reply's token says, once its signature holds over <paramref name="sha256"/>.</summary>
    public static TimestampReply Of(Rfc3161TimestampToken token, byte[] response, byte[] sha256)
    {
        if (!token.VerifySignatureForHash(sha256, HashAlgorithmName.SHA256, out var signer, extraCandidates: null))
        {
            return new TimestampReply { Error = "the token's signature does not verify over the snapshot's hash" };
        }

        using (signer)
        {
            return new TimestampReply
            {
                Response = response,
                GenTime = token.TokenInfo.Timestamp,
                Serial = Convert.ToHexStringLower(token.TokenInfo.GetSerialNumber().Span),
                Signer = signer?.Subject,
            };
        }
    }

    /// <summary>What a reply kept earlier (a stored <c>.tsr</c>) says about <paramref name="sha256"/>.</summary>
    public static TimestampReply OfStored(byte[] response, byte[] sha256)
    {
        try
        {
            return TimestampVerifier.TokenOf(response) is { } token && Rfc3161TimestampToken.TryDecode(token, out var decoded, out _)
                ? Of(decoded, response, sha256)
                : new TimestampReply { Error = "the stored reply holds no readable token" };
        }
        catch (AsnContentException e)
        {
            return new TimestampReply { Error = $"the stored reply is not a TimeStampResp ({e.Message})" };
        }
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Archiver.Evidence;

/// <summary>
/// Checks a kept <c>.tsr</c> offline: the reply was granted, its token's signature holds, the token is over the given
/// SHA-256, and the signer chains to one of the trusted certificates (at the token's time, EKU time stamping), the way
/// <c>openssl ts -verify -digest … -CAfile …</c> does.
/// </summary>
public static class TimestampVerifier
{
    private const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";

    public sealed record Result(bool Valid, string Detail, DateTimeOffset? GenTime);

    /// <summary>The token inside a DER <c>TimeStampResp</c> (<c>SEQUENCE { PKIStatusInfo, ContentInfo }</c>); null when the reply grants none.</summary>
    public static byte[]? TokenOf(ReadOnlyMemory<byte> response)
    {
        var reader = new AsnReader(response, AsnEncodingRules.BER);
        var sequence = reader.ReadSequence();
        var status = sequence.ReadSequence();
        var granted = status.ReadInteger();
        if (granted > 1 || !sequence.HasData)
        {
            return null;
        }

        return sequence.ReadEncodedValue().ToArray();
    }

    public static Result Verify(ReadOnlyMemory<byte> response, ReadOnlySpan<byte> sha256, IReadOnlyCollection<X509Certificate2> trusted)
    {
        byte[]? tokenBytes;
        try
        {
            tokenBytes = TokenOf(response);
        }
        catch (AsnContentException e)
        {
            return new Result(false, $"not a TimeStampResp ({e.Message})", null);
        }

        if (tokenBytes is null || !Rfc3161TimestampToken.TryDecode(tokenBytes, out var token, out _))
        {
            return new Result(false, "the reply holds no readable token", null);
        }

        var genTime = token.TokenInfo.Timestamp;
        if (!token.VerifySignatureForHash(sha256, HashAlgorithmName.SHA256, out var signer, extraCandidates: null) || signer is null)
        {
            return new Result(false, "the token does not match the hash, or its signature does not verify", genTime);
        }

        using (signer)
        {
            if (trusted.Count == 0)
            {
                return new Result(true, $"signature and hash hold; signer {signer.Subject} (no trusted chain given)", genTime);
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = genTime.UtcDateTime;
            chain.ChainPolicy.ApplicationPolicy.Add(new Oid(TimeStampingEku));
            foreach (var certificate in trusted)
            {
                chain.ChainPolicy.CustomTrustStore.Add(certificate);
            }

            foreach (var certificate in token.AsSignedCms().Certificates)
            {
                chain.ChainPolicy.ExtraStore.Add(certificate);
            }

            if (!chain.Build(signer))
            {
                var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
                return new Result(false, $"signer {signer.Subject} does not chain to the trusted certificates ({why})", genTime);
            }

            return new Result(true, $"signature, hash and chain hold; signer {signer.Subject}", genTime);
        }
    }
}

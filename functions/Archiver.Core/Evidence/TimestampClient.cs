using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Options;

namespace Archiver.Evidence;

/// <summary>
/// Asks the configured RFC 3161 Time-Stamp Authority for a token over a SHA-256 hash, with a fresh nonce and the signer's
/// certificate requested, and checks the reply (.NET's <see cref="Rfc3161TimestampRequest.ProcessResponse"/>: status,
/// nonce, hash, signature) before it is kept. Never throws for an authority that is down or answers badly.
/// </summary>
public sealed class TimestampClient(HttpClient http, IOptions<EvidenceOptions> options)
{
    public const string HttpClientName = "Archiver.Timestamp";

    private const int MaxReplyBytes = 1024 * 1024;

    public bool Enabled => options.Value.TimestampAuthorityUrl is not null;

    public Uri? Authority => options.Value.TimestampAuthorityUrl;

    public async Task<TimestampReply> RequestAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        if (options.Value.TimestampAuthorityUrl is not { } authority)
        {
            return new TimestampReply { Error = "no Time-Stamp Authority is configured" };
        }

        var request = Rfc3161TimestampRequest.CreateFromHash(sha256, HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        byte[] reply;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.TimestampTimeout);
            using var response = await http.PostAsync(authority, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new TimestampReply { Error = $"the authority answered HTTP {(int)response.StatusCode}" };
            }

            if (response.Content.Headers.ContentLength > MaxReplyBytes)
            {
                return new TimestampReply { Error = $"the authority's reply is larger than {MaxReplyBytes} bytes" };
            }

            reply = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException)
        {
            return new TimestampReply { Error = e is OperationCanceledException ? $"no answer within {options.Value.TimestampTimeout}" : $"the authority could not be reached ({e.Message})" };
        }

        try
        {
            var token = request.ProcessResponse(reply, out var consumed);
            if (consumed != reply.Length)
            {
                return new TimestampReply { Error = "the authority's reply carries trailing bytes" };
            }

            return TimestampReply.Of(token, reply, sha256);
        }
        catch (CryptographicException e)
        {
            return new TimestampReply { Error = $"the authority's reply is not a valid timestamp for this request ({e.Message})" };
        }
    }
}

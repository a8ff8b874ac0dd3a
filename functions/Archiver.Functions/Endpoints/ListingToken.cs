using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Archiver.Functions.Endpoints;

/// <summary>
/// The <c>continuationToken</c> of <c>GET /api/tweets</c> and <c>GET /api/submissions</c>: storage's marker wrapped
/// with the listing and filters it belongs to (<c>tweets?status=…</c>, <c>submissions</c>) and a checksum, so a token
/// that was not handed out, or was handed out for another listing or other filters, is refused at once instead of
/// reaching storage.
/// </summary>
internal static class ListingToken
{
    public static string? Wrap(string? marker, string filter) =>
        string.IsNullOrEmpty(marker) ? null : $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{filter}\n{marker}"))}.{Check(filter, marker)}";

    /// <summary>The storage marker inside <paramref name="token"/>, or why the token cannot be used with this filter.</summary>
    public static bool TryUnwrap(string token, string filter, [NotNullWhen(true)] out string? marker, [NotNullWhen(false)] out string? problem)
    {
        marker = null;
        problem = "continuationToken is not a token this listing gave out; start again without it.";
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(0, dot)))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || token[(dot + 1)..] != Check(text[..newline], text[(newline + 1)..]))
        {
            return false;
        }

        if (text[..newline] != filter && text[..newline].Split('?')[0] == filter.Split('?')[0])
        {
            problem = "continuationToken belongs to a listing with other filters; send the same status and changedSince as the page it came with.";
            return false;
        }

        if (text[..newline] != filter)
        {
            return false;
        }

        marker = text[(newline + 1)..];
        problem = null;
        return true;
    }

    private static string Check(string filter, string marker) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"archiver.listing/1\n{filter}\n{marker}")))[..16];
}

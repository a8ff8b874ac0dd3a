using System.Diagnostics.CodeAnalysis;

namespace Archiver.Sources;

/// <summary>The id and handle in a status permalink such as <c>https://x.com/Handle/status/ID?ref_src=…</c>.</summary>
internal static class StatusUrl
{
    public static bool TryGetId(string? url, [NotNullWhen(true)] out string? id)
    {
        id = null;
        var segments = Segments(url);
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (segments[i] is "status" or "statuses" && segments[i + 1].Length is > 0 and <= 19 && segments[i + 1].All(char.IsAsciiDigit))
            {
                id = segments[i + 1];
                return true;
            }
        }

        return false;
    }

    /// <summary>The screen name of a profile or status URL (<c>https://x.com/Handle</c>, <c>…/Handle/status/ID</c>); not <c>/i/</c>.</summary>
    public static string? Handle(string? url) =>
        Segments(url) is [var first, ..] && first is not "i" && first.Length is > 0 and <= 15 && first.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? first
            : null;

    private static string[] Segments(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            : [];
}

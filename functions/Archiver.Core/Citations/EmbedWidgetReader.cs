using System.Web;
using AngleSharp.Dom;

namespace Archiver.Citations;

/// <summary>
/// Reads the markup the embed script leaves after it ran: an element carrying <c>data-tweet-id</c>
/// (<c>twitter-widget</c>, the rendered <c>div</c>, the iframe), or an iframe whose <c>src</c> is
/// <c>platform.twitter.com/embed/…?id={id}</c> (or platform.x.com).
/// </summary>
internal static class EmbedWidgetReader
{
    public static Finding? Read(IElement element, Occurrence occurrence)
    {
        var id = element.GetAttribute("data-tweet-id") is { } attribute && StatusUrlParser.TryReadId(attribute.Trim(), out var fromAttribute)
            ? fromAttribute
            : IdFromSource(element.GetAttribute("src"));
        return id is null ? null : new Finding { Occurrence = occurrence, TweetId = id };
    }

    private static string? IdFromSource(string? source)
    {
        if (source is null)
        {
            return null;
        }

        var absolute = source.StartsWith("//", StringComparison.Ordinal) ? "https:" + source : source;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri)
            || !(uri.IdnHost.Equals("platform.twitter.com", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.Equals("platform.x.com", StringComparison.OrdinalIgnoreCase))
            || !uri.AbsolutePath.StartsWith("/embed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return HttpUtility.ParseQueryString(uri.Query)["id"] is { } value && StatusUrlParser.TryReadId(value, out var id) ? id : null;
    }
}

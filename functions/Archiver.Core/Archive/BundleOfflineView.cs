using System.Globalization;
using System.Net;
using System.Text;

namespace Archiver.Archive;

/// <summary>
/// The bundle's <c>index.html</c>: the latest capture, readable without the app or the network. Every piece of tweet
/// text is HTML-encoded; media are referenced by their path inside the bundle only.
/// </summary>
internal static class BundleOfflineView
{
    public static string Render(TweetState state, Snapshot snapshot)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "";
        var tweet = snapshot.Tweet;
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Tweet ").Append(E(tweet.Id)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}img,video{max-width:100%}.meta{color:#555}</style></head><body>");
        html.Append("<h1>").Append(E(tweet.Author?.Name)).Append(" <span class=\"meta\">@").Append(E(tweet.Author?.ScreenName)).Append("</span></h1>");
        html.Append("<p style=\"white-space:pre-wrap\">").Append(E(tweet.Text)).Append("</p>");
        foreach (var file in snapshot.Files.Where(f => f.Role == "media"))
        {
            html.Append(file.ContentType.StartsWith("video/", StringComparison.Ordinal)
                ? $"<p><video controls src=\"media/{E(file.File)}\"></video></p>"
                : $"<p><img src=\"media/{E(file.File)}\" alt=\"{E(file.AltText)}\"></p>");
        }

        html.Append("<p class=\"meta\">Tweet ").Append(E(tweet.Id)).Append(", created ").Append(E(Time(tweet.CreatedAt)))
            .Append(". Captured ").Append(E(Time(snapshot.CapturedAt)))
            .Append(" by Archiver ").Append(E(snapshot.ArchiverVersion)).Append(" from ").Append(E(snapshot.TweetSource))
            .Append(". Status when bundled: ").Append(E(EnumNames.Of(state.Status))).Append(".</p>");
        html.Append("<p class=\"meta\">Every file in this bundle is listed with its SHA-256 in SHA256SUMS; check with <code>sha256sum -c SHA256SUMS</code>.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }
}

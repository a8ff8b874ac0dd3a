using System.Globalization;
using System.Net;
using System.Text;

namespace Archiver.Archive;

/// <summary>
/// The bundle's <c>index.html</c>: the latest capture, readable without the app or the network. Every piece of tweet
/// text is HTML-encoded; media are referenced by their path inside the bundle only. The short links that led to the
/// tweet are listed hop by hop, each hop's raw body linked by its path inside the bundle; their values come from
/// upstream and are encoded like the tweet's.
/// </summary>
internal static class BundleOfflineView
{
    public static string Render(TweetState state, Snapshot snapshot)
    {
        var tweet = snapshot.Tweet;
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Tweet ").Append(E(tweet.Id)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}img,video{max-width:100%}.meta{color:#555}")
            .Append("table{border-collapse:collapse;font-size:smaller}td,th{border:1px solid #ccc;padding:.2em .4em;text-align:left;word-break:break-all}</style></head><body>");
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
        AppendShortLinks(html, state.ShortLinks);
        html.Append("<p class=\"meta\">Every file in this bundle is listed with its SHA-256 in SHA256SUMS; check with <code>sha256sum -c SHA256SUMS</code>.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Each short link: where it led, then one row per hop (URL, status, <c>Location</c>, its raw body).</summary>
    private static void AppendShortLinks(StringBuilder html, IReadOnlyList<ShortLinkRecord> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        html.Append("<h2>Short links that led here</h2>");
        foreach (var link in links)
        {
            html.Append("<section class=\"short-link\"><h3>").Append(E(link.ShortLink)).Append("</h3>")
                .Append("<p class=\"meta\">Resolved ").Append(E(Time(link.ResolvedAt)))
                .Append(" to <span class=\"final-url\">").Append(E(link.FinalUrl)).Append("</span> (").Append(E(link.Status)).Append(").</p>")
                .Append("<table><thead><tr><th>Hop</th><th>URL</th><th>Status</th><th>Location</th><th>Raw body</th></tr></thead><tbody>");
            foreach (var (hop, i) in link.Hops.Select((h, i) => (h, i)))
            {
                html.Append("<tr><td>").Append(i + 1).Append("</td><td class=\"url\">").Append(E(hop.Url))
                    .Append("</td><td class=\"status\">").Append(hop.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer")
                    .Append("</td><td class=\"location\">").Append(E(hop.Location))
                    .Append("</td><td><a href=\"raw/").Append(E(hop.Sha256)).Append("\">raw/").Append(E(hop.Sha256)).Append("</a></td></tr>");
            }

            html.Append("</tbody></table></section>");
        }

        html.Append("<p class=\"meta\">Each hop's request and response headers are in manifest.json, under shortLinks.</p>");
    }
}

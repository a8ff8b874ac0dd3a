using System.Text;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// An HTML page as a news site serves it: head, navigation, an article of paragraphs with
/// <c>&lt;a href&gt;</c> links (queries escaped as <c>&amp;amp;</c>), tweet embed blockquotes with the widget script,
/// lists, and a footer with the site's profile links.
/// </summary>
internal static class HtmlArticleWriter
{
    public static string Write(Prose prose, CitationPlanter planter, int targetChars)
    {
        var random = prose.Random;
        var html = new StringBuilder(targetChars + 4096);
        var title = Escape(prose.Title());
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append(" | The Harrowgate Gazette</title>\n")
            .Append("<link rel=\"canonical\" href=\"https://news.example.org/").Append(random.Next(2012, 2026)).Append('/')
            .Append(prose.Slug()).Append("\">\n")
            .Append("<meta name=\"twitter:site\" content=\"@harrowgazette\">\n</head>\n<body>\n")
            .Append("<header><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a> <a href=\"/search?q=ferry&amp;page=2\">Ferry</a> ")
            .Append("<a href=\"https://twitter.com/harrowgazette\">Follow us</a></nav></header>\n<article>\n")
            .Append("<h1>").Append(title).Append("</h1>\n")
            .Append("<p class=\"byline\">By <a href=\"/authors/").Append(random.Next(1, 400)).Append("\">")
            .Append(Escape(prose.PersonName())).Append("</a> &middot; <time datetime=\"2022-01-07\">")
            .Append(prose.Date()).Append("</time></p>\n");

        while (html.Length < targetChars)
        {
            switch (random.Next(20))
            {
                case 0:
                    AppendEmbed(html, prose, planter);
                    break;
                case 1:
                    html.Append("<h2>").Append(Escape(prose.Subheading())).Append("</h2>\n");
                    break;
                case 2:
                    html.Append("<ul>\n");
                    for (var i = random.Next(2, 6); i > 0; i--)
                    {
                        html.Append("<li>").Append(Escape(prose.Sentence()));
                        if (random.Next(3) == 0)
                        {
                            html.Append(' ');
                            AppendLink(html, prose, planter);
                        }

                        html.Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                default:
                    AppendParagraph(html, prose, planter);
                    break;
            }
        }

        html.Append("</article>\n<footer><p>&copy; The Harrowgate Gazette. ")
            .Append("<a href=\"https://twitter.com/harrowgazette\">Twitter</a> &middot; ")
            .Append("<a href=\"https://x.com/search?q=%40harrowgazette&amp;f=live\">Mentions</a></p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendParagraph(StringBuilder html, Prose prose, CitationPlanter planter)
    {
        var random = prose.Random;
        html.Append("<p>").Append(Escape(prose.Paragraph(random.Next(2, 6))));
        var links = TextArticleWriter.Citations(random);
        for (var i = 0; i < links; i++)
        {
            html.Append(' ');
            AppendLink(html, prose, planter);
        }

        if (random.Next(3) == 0)
        {
            var decoy = planter.DecoyUrl();
            html.Append(" More <a href=\"").Append(Escape(Absolute(decoy))).Append("\">here</a>.");
        }

        if (random.Next(5) == 0)
        {
            html.Append(' ').Append(Escape(planter.DecoyAside()));
        }

        html.Append(' ').Append(Escape(prose.Paragraph(random.Next(1, 5)))).Append("</p>\n");
    }

    /// <summary>A planted status link: a scheme URL in an anchor, or a scheme-less one as visible text.</summary>
    private static void AppendLink(StringBuilder html, Prose prose, CitationPlanter planter)
    {
        var random = prose.Random;
        switch (random.Next(5))
        {
            case 0:
                // Scheme-less links are text people typed; an href without a scheme would be a relative link.
                var typed = planter.Plant();
                html.Append(typed.Contains("://", StringComparison.Ordinal) ? "(source: " : "(see ")
                    .Append(Escape(typed)).Append(')');
                break;
            case 1:
                var shown = planter.Plant(requireScheme: true);
                html.Append("<a href=\"").Append(Escape(shown)).Append("\" target=\"_blank\" rel=\"noopener\">")
                    .Append(Escape(shown)).Append("</a>");
                break;
            default:
                html.Append("As <a href=\"").Append(Escape(planter.Plant(requireScheme: true))).Append("\">")
                    .Append(Escape(prose.PersonName())).Append(" wrote</a>, “").Append(Escape(prose.TweetText())).Append('”');
                break;
        }
    }

    /// <summary>The embed code X hands out, with the status link in the date anchor.</summary>
    private static void AppendEmbed(StringBuilder html, Prose prose, CitationPlanter planter)
    {
        var handle = prose.Handle();
        var url = planter.PlantEmbed(handle);
        var pic = planter.PicLink();
        html.Append("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">").Append(Escape(prose.TweetText()));
        if (prose.Random.Next(2) == 0)
        {
            html.Append(" <a href=\"https://t.co/").Append(pic.AsSpan(pic.IndexOf('/') + 1)).Append("\">").Append(pic).Append("</a>");
        }

        html.Append("</p>&mdash; ").Append(Escape(prose.DisplayName())).Append(" (@").Append(handle).Append(") <a href=\"")
            .Append(Escape(url)).Append("\">").Append(prose.Date()).Append("</a></blockquote>\n")
            .Append("<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n");
    }

    private static string Absolute(string url) => url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}

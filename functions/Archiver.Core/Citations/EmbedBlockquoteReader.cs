using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace Archiver.Citations;

/// <summary>
/// Reads an embed blockquote (reference 2.3): <c>&lt;blockquote class="twitter-tweet"&gt;&lt;p&gt;TEXT&lt;/p&gt;&amp;mdash;
/// NAME (@handle) &lt;a href="STATUS URL"&gt;DATE&lt;/a&gt;&lt;/blockquote&gt;</c>, by structure rather than attribute
/// order, since CMSs add attributes or keep only the permalink anchor.
/// </summary>
internal static class EmbedBlockquoteReader
{
    public static bool IsEmbed(IElement element) =>
        element.LocalName == "blockquote" && (element.ClassList.Contains("twitter-tweet") || element.ClassList.Contains("twitter-video"));

    /// <summary>
    /// Reads <paramref name="blockquote"/>, parsed from the part of <paramref name="input"/> that starts at
    /// <paramref name="regionStart"/>. The finding's occurrence is the blockquote's start tag.
    /// </summary>
    public static Finding? Read(IElement blockquote, string input, int regionStart, TweetHosts hosts)
    {
        var paragraph = blockquote.GetElementsByTagName("p").FirstOrDefault();
        var permalink = Permalink(blockquote, paragraph, hosts, out var dateAnchor);
        var embed = ReadEmbed(blockquote, paragraph, permalink, dateAnchor);
        if (permalink is null && embed is null)
        {
            return null;
        }

        var start = regionStart + (blockquote.SourceReference?.Position.Index ?? 0);
        var end = RawMarkup.TagEnd(input, start);
        return new Finding
        {
            Occurrence = new Occurrence(start, end < 0 ? 1 : end - start),
            TweetId = permalink?.TweetId,
            UrlScreenName = permalink?.ScreenName,
            Embed = embed,
            LinkedLinks = paragraph is null ? [] : ShortLinks(paragraph, hosts),
        };
    }

    /// <summary>The status link of the date anchor: the last status link outside the tweet's paragraph (links inside it are other tweets).</summary>
    private static StatusLink? Permalink(IElement blockquote, IElement? paragraph, TweetHosts hosts, out IElement? dateAnchor)
    {
        dateAnchor = null;
        StatusLink? permalink = null;
        foreach (var anchor in blockquote.GetElementsByTagName("a"))
        {
            if ((paragraph is null || !paragraph.Contains(anchor)) && StatusUrlParser.TryParse(anchor.GetAttribute("href"), out var link, hosts))
            {
                permalink = link;
                dateAnchor = anchor;
            }
        }

        return permalink;
    }

    private static EmbedInfo? ReadEmbed(IElement blockquote, IElement? paragraph, StatusLink? permalink, IElement? dateAnchor)
    {
        var signature = SignatureText(blockquote, paragraph);
        string? authorName, screenName, date = null;
        if (EmbedSignatureParser.TryParse(signature, out var match))
        {
            (authorName, screenName, date) = (match.AuthorName, match.ScreenName, match.IsoDate);
        }
        else
        {
            (authorName, screenName) = NameAndHandle(signature);
            screenName ??= permalink?.ScreenName;
            date = DateOf(dateAnchor);
        }

        if (screenName is null)
        {
            return null;
        }

        return new EmbedInfo
        {
            AuthorName = authorName,
            ScreenName = screenName,
            Date = date,
            Text = paragraph is null ? null : TextTidy.Block(ParagraphText(paragraph), quoted: false),
        };
    }

    /// <summary>The blockquote's text outside its paragraphs: "— Name (@handle) Date".</summary>
    private static string SignatureText(IElement blockquote, IElement? paragraph)
    {
        var builder = new StringBuilder();
        foreach (var node in blockquote.ChildNodes)
        {
            if (node is IElement { LocalName: "p" } || node == paragraph)
            {
                builder.Append(' ');
                continue;
            }

            builder.Append(node.TextContent);
        }

        return TextTidy.Line(builder.ToString());
    }

    /// <summary>For a date in a language we do not read: the name and the last "(@handle)" without the date.</summary>
    private static (string? AuthorName, string? ScreenName) NameAndHandle(string signature)
    {
        var paren = signature.LastIndexOf("(@", StringComparison.Ordinal);
        if (paren < 0)
        {
            return (null, null);
        }

        var close = signature.IndexOf(')', paren);
        var handle = close < 0 ? "" : signature[(paren + 2)..close];
        if (handle.Length is 0 or > StatusUrlParser.MaxScreenNameLength || !handle.All(CharKinds.IsHandleChar))
        {
            return (null, null);
        }

        var name = signature[..paren].TrimStart('—', '-', ' ').Replace("&mdash;", "", StringComparison.OrdinalIgnoreCase).Trim();
        return (name.Length == 0 ? null : name, handle);
    }

    /// <summary>The date link's text, or the <c>data-datetime</c> attribute old embeds carry (2011).</summary>
    private static string? DateOf(IElement? dateAnchor)
    {
        if (dateAnchor is null)
        {
            return null;
        }

        if (SignatureDateParser.TryParseWhole(dateAnchor.TextContent, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var stamp = dateAnchor.GetAttribute("data-datetime");
        return stamp is not null && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The paragraph's text with &lt;br&gt; as line breaks.</summary>
    private static string ParagraphText(IElement paragraph)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(paragraph);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    builder.Append('\n');
                    break;
                default:
                    for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push(node.ChildNodes[i]);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The short links in the tweet's paragraph, media links first: as href or as the link's shown text.</summary>
    private static List<ShortLink> ShortLinks(IElement paragraph, TweetHosts hosts)
    {
        var links = new List<ShortLink>();
        foreach (var anchor in paragraph.GetElementsByTagName("a"))
        {
            if (ShortLinkParser.TryParse(anchor.TextContent.Trim(), out var shown, hosts))
            {
                links.Add(shown);
            }

            if (ShortLinkParser.TryParse(anchor.GetAttribute("href"), out var target, hosts))
            {
                links.Add(target);
            }
        }

        return [.. links.OrderByDescending(l => l.IsPicture)];
    }
}

using Archiver.Citations;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Archiver.Sources;

/// <summary>
/// What the oEmbed blockquote shows: the <c>&lt;p&gt;</c> text (entities decoded by the HTML parser, <c>&lt;br&gt;</c> as a
/// line break, the trailing <c>pic.twitter.com</c>/<c>pic.x.com</c> media link left out as syndication leaves it out),
/// its language, its t.co links, the permalink, and the "— Name (@handle)" signature.
/// </summary>
internal sealed partial record OEmbedBlockquote
{
    public required string Text { get; init; }

    public string? Lang { get; init; }

    public IReadOnlyList<TweetLink> Links { get; init; } = [];

    public string? Permalink { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorHandle { get; init; }

    /// <summary>The blockquote in <paramref name="html"/>, or null when there is none.</summary>
    public static OEmbedBlockquote? Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        if (document.QuerySelector("blockquote") is not { } blockquote)
        {
            return null;
        }

        var paragraph = blockquote.QuerySelector("p");
        var text = new StringBuilder();
        var links = new List<TweetLink>();
        if (paragraph is not null)
        {
            AppendVisible(paragraph, text, links);
        }

        var permalink = blockquote.QuerySelectorAll("a[href]")
            .Where(a => paragraph is null || !paragraph.Contains(a))
            .Select(a => a.GetAttribute("href"))
            .LastOrDefault(href => StatusUrlParser.TryParse(href, out _));
        var signature = blockquote.ChildNodes
            .SkipWhile(node => node != paragraph)
            .Skip(paragraph is null ? 0 : 1)
            .OfType<IText>()
            .Select(node => Signature().Match(node.Data))
            .FirstOrDefault(match => match.Success);

        return new OEmbedBlockquote
        {
            Text = text.ToString().TrimEnd(),
            Lang = paragraph?.GetAttribute("lang"),
            Links = links,
            Permalink = permalink,
            AuthorName = signature?.Groups["name"].Value.Trim(),
            AuthorHandle = signature?.Groups["handle"].Value,
        };
    }

    private static void AppendVisible(INode node, StringBuilder text, List<TweetLink> links)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "a" } anchor when IsMediaLink(anchor):
                    break;
                case IElement { LocalName: "a" } anchor:
                    if (anchor.GetAttribute("href") is { } href && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Host == "t.co")
                    {
                        links.Add(new TweetLink { Url = href });
                    }

                    AppendVisible(anchor, text, links);
                    break;
                default:
                    AppendVisible(child, text, links);
                    break;
            }
        }
    }

    private static bool IsMediaLink(IElement anchor) =>
        anchor.TextContent.Trim() is var shown
        && (shown.StartsWith("pic.twitter.com/", StringComparison.OrdinalIgnoreCase) || shown.StartsWith("pic.x.com/", StringComparison.OrdinalIgnoreCase));

    /// <summary>"— Display Name (@handle)" between the paragraph and the permalink (a text node, not markup).</summary>
    [GeneratedRegex(@"^\s*(?:\u2014|&mdash;|-)?\s*(?<name>.*?)\s*\(@(?<handle>[A-Za-z0-9_]{1,15})\)\s*$", RegexOptions.Singleline)]
    private static partial Regex Signature();
}

using System.Buffers;
using AngleSharp.Html.Parser;

namespace Archiver.Citations;

/// <summary>
/// Reads HTML. Offsets point into the markup as given:
/// <list type="bullet">
/// <item>Status and short links, in <c>href</c> values and in the visible text, come from the plain-text scanner run
/// over the raw markup: exact spans (an <c>&amp;amp;</c> in a query is just part of the URL's tail). It reads links in
/// comments and scripts too, and not URLs whose own characters are written as entities (<c>https:&amp;#47;&amp;#47;…</c>).</item>
/// <item>Embed blockquotes and the widgets/iframes left by the embed script: the element's start tag.</item>
/// <item>Signatures in the document's flattened text (embeds whose markup lost its class): from the dash to the end of
/// the date, mapped back through the text nodes' places in the markup (best effort; exact unless the parser had to
/// repair the markup around them).</item>
/// </list>
/// AngleSharp parses only candidate regions (an embed blockquote, a start tag carrying a tweet id, the text around a
/// "(@handle)"), never the whole document: it is the slow part, and its tree construction is quadratic in nesting
/// depth, so regions that nest deeper than <see cref="MaxDepth"/> are skipped.
/// </summary>
internal sealed class HtmlCitationReader(TextScanner scanner)
{
    private const int MaxDepth = 512;
    private const int MaxEmbedLength = 65536;

    /// <summary>Text the signature reader may look at before a "(@": the quoted text, the name and some markup.</summary>
    private const int SignatureWindowBefore = EmbedTextCollector.MaxTextLength + EmbedSignatureParser.MaxNameLength + 512;

    /// <summary>After the handle: the date, possibly inside a link with a long href.</summary>
    private const int SignatureWindowAfter = 512;

    /// <summary>How close to the "(@" a dash or a digit must be for the region to be worth parsing.</summary>
    private const int SignatureProbe = 320;

    private static readonly SearchValues<string> EmbedTriggers = SearchValues.Create(
        ["<blockquote", "data-tweet-id", "platform.twitter.com/embed", "platform.x.com/embed"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Dashes = SearchValues.Create(
        ["\u2014", "&mdash;", "&#8212;", "&#x2014;", "--"], StringComparison.OrdinalIgnoreCase);

    private readonly TweetHosts hosts = scanner.Hosts;

    public void Read(string html, List<Finding> findings)
    {
        scanner.Scan(html, new TextScanOptions(Signatures: false, Markdown: false), findings);
        var parser = new LazyParser();
        var embeds = ReadEmbeds(html, parser, findings);
        ReadSignatures(html, parser, embeds, findings);
    }

    /// <summary>Embed blockquotes and widgets only (for Markdown, which may carry raw embed code).</summary>
    public void ReadEmbeds(string text, List<Finding> findings) => ReadEmbeds(text, new LazyParser(), findings);

    /// <summary>Reads embed blockquotes and widgets; returns the spans of the blockquotes, in order.</summary>
    private List<(int Start, int End)> ReadEmbeds(string text, LazyParser parser, List<Finding> findings)
    {
        var blockquotes = new List<(int Start, int End)>();
        var position = 0;
        while (position < text.Length)
        {
            var found = text.AsSpan(position).IndexOfAny(EmbedTriggers);
            if (found < 0)
            {
                break;
            }

            var hit = position + found;
            position = text.AsSpan(hit).StartsWith("<blockquote", StringComparison.OrdinalIgnoreCase)
                ? ReadBlockquote(text, hit, parser, findings, blockquotes)
                : ReadWidget(text, hit, position, parser, findings);
        }

        return blockquotes;
    }

    private int ReadBlockquote(string text, int start, LazyParser parser, List<Finding> findings, List<(int Start, int End)> blockquotes)
    {
        var tagEnd = RawMarkup.TagEnd(text, start);
        if (tagEnd < 0)
        {
            return start + RawMarkup.MaxTagLength;
        }

        var tag = text.AsSpan(start, tagEnd - start);
        if (!tag.Contains("twitter-tweet", StringComparison.OrdinalIgnoreCase) && !tag.Contains("twitter-video", StringComparison.OrdinalIgnoreCase))
        {
            return tag.Contains("data-tweet-id", StringComparison.OrdinalIgnoreCase) ? ReadWidget(text, start + 1, start, parser, findings) : tagEnd;
        }

        var close = RawMarkup.CloseTagEnd(text, tagEnd, "blockquote", MaxEmbedLength);
        var end = close < 0 ? Math.Min(text.Length, tagEnd + MaxEmbedLength) : close;
        blockquotes.Add((start, end));
        if (!RawMarkup.NestsDeeperThan(text, start, end, MaxDepth))
        {
            var document = parser.Value.ParseDocument(text[start..end]);
            var element = document.GetElementsByTagName("blockquote").FirstOrDefault(EmbedBlockquoteReader.IsEmbed);
            if (element is not null && EmbedBlockquoteReader.Read(element, text, start, hosts) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return end;
    }

    /// <summary>Reads the start tag around <paramref name="hit"/> (not looking back before <paramref name="floor"/>).</summary>
    private static int ReadWidget(string text, int hit, int floor, LazyParser parser, List<Finding> findings)
    {
        var before = text.AsSpan(floor, hit - floor).LastIndexOfAny('<', '>');
        if (before < 0 || text[floor + before] == '>')
        {
            return hit + 1;
        }

        var start = floor + before;
        var end = RawMarkup.TagEnd(text, start);
        if (end < 0)
        {
            return start + RawMarkup.MaxTagLength;
        }

        var document = parser.Value.ParseDocument(text[start..end]);
        var element = document.Body?.FirstElementChild ?? document.Head?.FirstElementChild;
        if (element is not null && EmbedWidgetReader.Read(element, new Occurrence(start, end - start)) is { } finding)
        {
            findings.Add(finding);
        }

        return end;
    }

    /// <summary>Finds flattened signatures in the text around each plausible "(@handle)" outside embed blockquotes.</summary>
    private void ReadSignatures(string html, LazyParser parser, List<(int Start, int End)> embeds, List<Finding> findings)
    {
        foreach (var (start, end) in SignatureRegions(html, embeds))
        {
            if (RawMarkup.NestsDeeperThan(html, start, end, MaxDepth))
            {
                continue;
            }

            var region = html[start..end];
            var flat = HtmlTextFlattener.Flatten(parser.Value.ParseDocument(region), region);
            var found = new List<Finding>();
            scanner.Scan(flat.Text, new TextScanOptions(Signatures: true, Markdown: false), found);
            foreach (var signature in found.Where(f => f.Embed is not null))
            {
                var occurrence = signature.Occurrence;
                var sourceStart = start + flat.ToSource(occurrence.Offset);
                var sourceEnd = start + flat.ToSource(occurrence.Offset + occurrence.Length - 1) + 1;
                if (Inside(embeds, sourceStart) >= 0)
                {
                    continue;
                }

                var permalink = signature.TweetId is null
                    && StatusUrlParser.TryParse(flat.AnchorHrefAt(occurrence.Offset + occurrence.Length - 1), out var link, hosts)
                    ? link
                    : null;
                findings.Add(signature with
                {
                    Occurrence = new Occurrence(sourceStart, Math.Max(1, sourceEnd - sourceStart)),
                    TweetId = signature.TweetId ?? permalink?.TweetId,
                    UrlScreenName = signature.UrlScreenName ?? permalink?.ScreenName,
                });
            }
        }
    }

    /// <summary>
    /// Merged windows around each "(@handle)" that has a dash before it and a digit after it (or that falls in a
    /// window already), outside embed blockquotes; each starts at a tag (or at a blockquote it would cut) and ends
    /// after one.
    /// </summary>
    private static List<(int Start, int End)> SignatureRegions(string html, List<(int Start, int End)> embeds)
    {
        var regions = new List<(int Start, int End)>();
        var position = 0;
        while (position < html.Length)
        {
            var paren = html.IndexOf("(@", position, StringComparison.Ordinal);
            if (paren < 0)
            {
                break;
            }

            position = paren + 2;
            var extendsRegion = regions.Count > 0 && paren < regions[^1].End;
            if ((!extendsRegion && !IsPlausibleSignature(html, paren)) || Inside(embeds, paren) >= 0)
            {
                continue;
            }

            var start = Math.Max(0, paren - SignatureWindowBefore);
            var firstTag = html.IndexOf('<', start, paren - start);
            start = firstTag < 0 ? start : firstTag;
            if (Inside(embeds, start) is var cut and >= 0)
            {
                start = embeds[cut].Start;
            }

            var end = Math.Min(html.Length, paren + SignatureWindowAfter);
            var tagClose = html.IndexOf('>', end, Math.Min(RawMarkup.MaxTagLength, html.Length - end));
            end = tagClose < 0 ? end : tagClose + 1;
            if (regions.Count > 0 && start <= regions[^1].End)
            {
                regions[^1] = (regions[^1].Start, Math.Max(regions[^1].End, end));
            }
            else
            {
                regions.Add((start, end));
            }
        }

        return regions;
    }

    /// <summary>The index of the span (in a sorted list of disjoint spans) that holds <paramref name="index"/>, or -1.</summary>
    private static int Inside(List<(int Start, int End)> spans, int index)
    {
        int low = 0, high = spans.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (spans[middle].End <= index)
            {
                low = middle + 1;
            }
            else if (spans[middle].Start > index)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    private static bool IsPlausibleSignature(string html, int paren)
    {
        var handleEnd = paren + 2;
        while (handleEnd < html.Length && handleEnd - paren - 2 <= StatusUrlParser.MaxScreenNameLength && CharKinds.IsHandleChar(html[handleEnd]))
        {
            handleEnd++;
        }

        if (handleEnd == paren + 2 || handleEnd >= html.Length || html[handleEnd] != ')')
        {
            return false;
        }

        var after = html.AsSpan(handleEnd, Math.Min(SignatureProbe, html.Length - handleEnd));
        var beforeStart = Math.Max(0, paren - SignatureProbe);
        return after.IndexOfAnyInRange('0', '9') >= 0 && html.AsSpan(beforeStart, paren - beforeStart).IndexOfAny(Dashes) >= 0;
    }

    /// <summary>One parser per call (AngleSharp's parser is not documented as thread-safe), made only when a candidate needs it.</summary>
    private sealed class LazyParser
    {
        private HtmlParser? parser;

        public HtmlParser Value => parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
    }
}

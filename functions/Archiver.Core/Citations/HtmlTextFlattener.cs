using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Archiver.Citations;

/// <summary>
/// Writes the visible text of an AngleSharp document the way article scrapers flatten HTML, so that the flattened
/// signature reader sees what it sees in text: block elements are paragraphs (one blank line), a <c>&lt;br&gt;</c> is
/// a line break and <c>&lt;br&gt;&lt;br&gt;</c> becomes three blank lines, as in the seed article. Scripts, styles
/// and recognised embed blockquotes (read by <see cref="EmbedBlockquoteReader"/>) are left out.
/// </summary>
internal static class HtmlTextFlattener
{
    private const int MaxSkippedLength = 1 << 20;

    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "caption", "center", "details", "dialog", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul");

    private static readonly FrozenSet<string> Skipped = FrozenSet.Create(StringComparer.Ordinal,
        "audio", "canvas", "head", "iframe", "math", "noembed", "noframes", "noscript", "object", "script", "select",
        "style", "svg", "template", "textarea", "title", "video", "xmp");

    public static FlatText Flatten(IDocument document, string source)
    {
        var writer = new Writer(source);
        var stack = new Stack<(INode Node, bool Exit, string? Anchor)>();
        var root = (INode?)document.Body ?? document.DocumentElement;
        PushChildren(stack, root, null);
        while (stack.Count > 0)
        {
            var (node, exit, anchor) = stack.Pop();
            if (exit)
            {
                writer.ParagraphBreak();
                continue;
            }

            switch (node)
            {
                case IText text:
                    writer.Text(text.Data, anchor);
                    break;
                case IElement element:
                    Enter(element, anchor, writer, stack);
                    break;
            }
        }

        return writer.ToFlatText();
    }

    private static void Enter(IElement element, string? anchor, Writer writer, Stack<(INode Node, bool Exit, string? Anchor)> stack)
    {
        var name = element.LocalName;
        var start = element.SourceReference?.Position.Index ?? -1;
        writer.MoveTo(start);
        if (Skipped.Contains(name) || EmbedBlockquoteReader.IsEmbed(element))
        {
            writer.SkipPast(start, name);
            writer.ParagraphBreak();
            return;
        }

        if (name == "br")
        {
            writer.LineBreak();
            return;
        }

        if (name is "td" or "th")
        {
            writer.Space();
        }

        if (Blocks.Contains(name))
        {
            writer.ParagraphBreak();
            stack.Push((element, true, anchor));
        }

        PushChildren(stack, element, name == "a" ? element.GetAttribute("href") : anchor);
    }

    private static void PushChildren(Stack<(INode Node, bool Exit, string? Anchor)> stack, INode? parent, string? anchor)
    {
        if (parent is null)
        {
            return;
        }

        for (var i = parent.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push((parent.ChildNodes[i], false, anchor));
        }
    }

    /// <summary>Builds the text and its segment map, keeping a cursor in the markup that only moves forward.</summary>
    private sealed class Writer(string source)
    {
        private readonly StringBuilder text = new();
        private readonly List<FlatText.Segment> segments = [];
        private int cursor;
        private bool afterLineBreak;

        public void MoveTo(int index) => cursor = Math.Max(cursor, index);

        /// <summary>Moves the cursor past the end tag of a skipped element whose contents are not text nodes we visit.</summary>
        public void SkipPast(int start, string name)
        {
            if (start >= 0)
            {
                var end = RawMarkup.CloseTagEnd(source, start, name, MaxSkippedLength);
                MoveTo(end);
            }
        }

        public void Text(string data, string? anchor)
        {
            var start = RawMarkup.SkipTags(source, cursor, source.Length);
            cursor = FlatText.AlignEnd(source, start, data);
            if (string.IsNullOrWhiteSpace(data))
            {
                Space();
                return;
            }

            afterLineBreak = false;
            segments.Add(new FlatText.Segment(text.Length, data, start, anchor));
            foreach (var c in data)
            {
                text.Append(c is '\n' or '\r' or '\t' or '\f' ? ' ' : c);
            }
        }

        public void Space()
        {
            if (text.Length > 0 && !char.IsWhiteSpace(text[^1]))
            {
                text.Append(' ');
            }
        }

        /// <summary>One &lt;br&gt; is a line break; the second of a pair makes the three blank lines a flattened embed shows.</summary>
        public void LineBreak()
        {
            text.Append(afterLineBreak ? "\n\n\n" : "\n");
            afterLineBreak = true;
        }

        /// <summary>Ends the paragraph with one blank line, unless the text already ends with blank lines.</summary>
        public void ParagraphBreak()
        {
            var newlines = 0;
            for (var i = text.Length - 1; i >= 0 && char.IsWhiteSpace(text[i]); i--)
            {
                if (text[i] == '\n')
                {
                    newlines++;
                }
            }

            if (text.Length > 0 && newlines < 2)
            {
                text.Append(newlines == 0 ? "\n\n" : "\n");
            }

            afterLineBreak = false;
        }

        public FlatText ToFlatText() => new(text.ToString(), source, segments);
    }
}

using System.Text;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// A Markdown article: headings, emphasis, inline links (some with titles), autolinks, reference links with their
/// definitions gathered at the end, bare URLs, quotes, lists and code blocks.
/// </summary>
internal static class MarkdownArticleWriter
{
    public static string Write(Prose prose, CitationPlanter planter, int targetChars)
    {
        var random = prose.Random;
        var markdown = new StringBuilder(targetChars + 4096);
        var definitions = new StringBuilder();
        var labels = 0;
        markdown.Append("# ").Append(prose.Title()).Append("\n\n*By ").Append(prose.PersonName()).Append(" — ")
            .Append(prose.Date()).Append("*\n\n");

        while (markdown.Length + definitions.Length < targetChars)
        {
            switch (random.Next(24))
            {
                case 0:
                    markdown.Append("## ").Append(prose.Subheading()).Append("\n\n");
                    break;
                case 1:
                    markdown.Append("> ").Append(prose.TweetText()).Append("\n>\n> — @").Append(prose.Handle()).Append(", ")
                        .Append(Link(prose, planter, definitions, ref labels)).Append("\n\n");
                    break;
                case 2:
                    for (var i = random.Next(2, 5); i > 0; i--)
                    {
                        markdown.Append("- ").Append(prose.Sentence());
                        if (random.Next(3) == 0)
                        {
                            markdown.Append(' ').Append(Link(prose, planter, definitions, ref labels));
                        }

                        markdown.Append('\n');
                    }

                    markdown.Append('\n');
                    break;
                case 3 when random.Next(3) == 0:
                    markdown.Append("```\nrainfall_mm = [").Append(random.Next(10, 90)).Append(", ").Append(random.Next(10, 90))
                        .Append(", ").Append(random.Next(10, 90)).Append("]\nprint(sum(rainfall_mm))\n```\n\n");
                    break;
                default:
                    markdown.Append(prose.Paragraph(random.Next(2, 6)));
                    var links = TextArticleWriter.Citations(random);
                    for (var i = 0; i < links; i++)
                    {
                        markdown.Append(' ').Append(Link(prose, planter, definitions, ref labels));
                    }

                    if (random.Next(3) == 0)
                    {
                        markdown.Append(" Related: [this page](").Append(planter.DecoyUrl()).Append(") and ")
                            .Append(planter.DecoyAside());
                    }

                    markdown.Append(" **").Append(prose.Sentence()).Append("** ").Append(prose.Sentence()).Append("\n\n");
                    break;
            }
        }

        return markdown.Append(definitions).ToString();
    }

    /// <summary>A planted status link in one of Markdown's link shapes.</summary>
    private static string Link(Prose prose, CitationPlanter planter, StringBuilder definitions, ref int labels)
    {
        switch (prose.Random.Next(6))
        {
            case 0:
                return $"<{planter.Plant(requireScheme: true)}>";
            case 1:
                var label = $"tw{++labels}";
                definitions.Append('[').Append(label).Append("]: ").Append(planter.Plant());
                if (prose.Random.Next(3) == 0)
                {
                    definitions.Append(" \"").Append(prose.PersonName()).Append(" on X\"");
                }

                definitions.Append('\n');
                return $"As [{prose.PersonName()} said][{label}], “{prose.TweetText()}”";
            case 2:
                return $"(via {planter.Plant()})";
            case 3:
                return $"[{prose.PersonName()}]({planter.Plant()} \"{prose.Date()}\") disagreed.";
            default:
                return $"[{prose.TweetText().Replace("[", "", StringComparison.Ordinal)}]({planter.Plant()})";
        }
    }
}

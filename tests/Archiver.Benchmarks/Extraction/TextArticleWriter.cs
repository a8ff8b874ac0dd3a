using System.Text;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// A plain-text article: title, byline, paragraphs with bare status links in every surrounding
/// (parentheses, trailing punctuation, lists of links), decoys, and embeds flattened to their signature.
/// </summary>
internal static class TextArticleWriter
{
    public static string Write(Prose prose, CitationPlanter planter, int targetChars)
    {
        var random = prose.Random;
        var text = new StringBuilder(targetChars + 4096);
        text.Append(prose.Title()).Append('\n');
        text.Append("By ").Append(prose.PersonName()).Append(" · ").Append(prose.Date()).Append("\n\n");

        while (text.Length < targetChars)
        {
            var roll = random.Next(20);
            if (roll == 0)
            {
                // An embed flattened to text: the tweet, its short link, and the signature (no id).
                text.Append(prose.TweetText()).Append(' ').Append(planter.PicLink())
                    .Append(" — ").Append(prose.DisplayName()).Append(" (@").Append(prose.Handle()).Append(") ")
                    .Append(prose.Date()).Append("\n\n");
                continue;
            }

            if (roll == 1)
            {
                text.Append(prose.Subheading()).Append("\n\n");
                continue;
            }

            text.Append(prose.Paragraph(random.Next(2, 6)));
            var citations = Citations(random);
            for (var i = 0; i < citations; i++)
            {
                text.Append(' ').Append(CitingSentence(prose, planter));
            }

            if (random.Next(3) == 0)
            {
                text.Append(' ').Append(DecoySentence(prose, planter));
            }

            text.Append(' ').Append(prose.Paragraph(random.Next(1, 5))).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>How many citing sentences a paragraph gets: about one paragraph in two cites something.</summary>
    public static int Citations(Random random) => random.Next(10) switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };

    private static string CitingSentence(Prose prose, CitationPlanter planter) => prose.Random.Next(8) switch
    {
        0 => $"{prose.PersonName()} put it bluntly in a post ({planter.Plant()}): “{prose.TweetText()}”",
        1 => $"The thread is here: {planter.Plant()}.",
        2 => $"See {planter.Plant()}, which {prose.Sentence().ToLowerInvariant()}",
        3 => $"{prose.Sentence()} {planter.Plant()}",
        4 => $"Source: {planter.Plant()}",
        5 => $"Earlier posts: {planter.Plant()}, {planter.Plant()} and {planter.Plant()}.",
        6 => $"One reply (“{prose.TweetText()}”, {planter.Plant()}) drew hundreds of answers.",
        _ => $"As @{prose.Handle()} noted on {prose.Date()}:\n{planter.Plant()}\n",
    };

    private static string DecoySentence(Prose prose, CitationPlanter planter) => prose.Random.Next(3) switch
    {
        0 => $"More at {planter.DecoyUrl()}.",
        1 => planter.DecoyAside(),
        _ => $"(Background: {planter.DecoyUrl()} and {planter.DecoyUrl()}.)",
    };
}

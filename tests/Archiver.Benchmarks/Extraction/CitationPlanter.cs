using System.Globalization;

namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Hands out the links the article writers put into the corpus: planted citations, each with a fresh id it records,
/// and decoys (profile, search, list and look-alike links, overlong ids) whose numbers are never planted,
/// so an engine that reports them is inventing citations.
/// </summary>
internal sealed class CitationPlanter(Prose prose)
{
    private readonly HashSet<long> usedIds = [];
    private readonly List<PlantedCitation> planted = [];

    public IReadOnlyList<PlantedCitation> Planted => planted;

    /// <summary>The file name recorded with the citations planted from now on.</summary>
    public string Document { get; set; } = "";

    /// <summary>Plants a status link in one of <see cref="CitationForm.All"/> and returns its raw URL.</summary>
    /// <param name="requireScheme">Only forms that start with a scheme (for Markdown autolinks and HTML hrefs).</param>
    public string Plant(bool requireScheme = false)
    {
        var id = NewId();
        var handle = prose.Handle();
        while (true)
        {
            var form = CitationForm.Pick(prose.Random);
            var url = form.Build(handle, id, prose);
            if (!requireScheme || url.Contains("://", StringComparison.Ordinal))
            {
                planted.Add(new PlantedCitation(id, form.Name, url, Document));
                return url;
            }
        }
    }

    /// <summary>Plants the status link of an embed blockquote, as the embed code writes it in the date anchor.</summary>
    public string PlantEmbed(string handle)
    {
        var id = NewId();
        var url = $"https://twitter.com/{handle}/status/{id}?ref_src=twsrc%5Etfw";
        planted.Add(new PlantedCitation(id, CitationForm.EmbedBlockquote, url, Document));
        return url;
    }

    /// <summary>A link that is not a tweet: engines that report an id from it invent a citation.</summary>
    public string DecoyUrl()
    {
        var handle = prose.Handle();
        return prose.Random.Next(13) switch
        {
            0 => $"https://twitter.com/{handle}",
            1 => $"https://twitter.com/hashtag/{prose.Code(6)}?src=hash",
            2 => $"https://x.com/search?q=%23{prose.Code(7)}&src=typed_query&f=live",
            3 => $"https://twitter.com/i/lists/{NewId()}",
            4 => $"https://twitter.com/i/moments/{NewId()}",
            5 => $"https://x.com/i/spaces/1{prose.Code(12)}",
            6 => $"https://x.com.evil.example/{handle}/status/{NewId()}",
            7 => $"https://notx.com/{handle}/status/{NewId()}",
            8 => $"twitter.com.example.org/{handle}/status/{NewId()}",
            9 => $"https://pbs.twimg.com/media/{prose.Code(15)}?format=jpg&name=large",
            10 => $"https://twitter.com/{handle}/status/{NewLongId()}{prose.Random.Next(10, 1000)}",
            11 => $"https://news.example.org/{prose.Random.Next(2012, 2026)}/{prose.Slug()}-{NewId()}",
            _ => $"https://x.com/{handle}/likes",
        };
    }

    /// <summary>A short link as embeds and flattened embeds carry it; it has no id, so it counts neither way.</summary>
    public string PicLink() => $"pic.twitter.com/{prose.Code(10)}";

    /// <summary>Prose that mentions a handle or an address on x.com without citing a tweet.</summary>
    public string DecoyAside() => prose.Random.Next(3) switch
    {
        0 => $"(tips to newsdesk@x.com or @{prose.Handle()})",
        1 => $"Follow @{prose.Handle()} for updates.",
        _ => $"Write to {prose.Handle().ToLowerInvariant()}@twitter.com if the link is broken.",
    };

    private string NewId()
    {
        while (true)
        {
            var roll = prose.Random.Next(100);
            var id = roll switch
            {
                < 80 => prose.Random.NextInt64(1_000_000_000_000_000_000, 1_900_000_000_000_000_000),
                < 95 => prose.Random.NextInt64(100_000_000_000_000_000, 1_000_000_000_000_000_000),
                _ => prose.Random.NextInt64(10, 100_000_000_000),
            };
            if (usedIds.Add(id))
            {
                return id.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private string NewLongId()
    {
        var id = prose.Random.NextInt64(1_000_000_000_000_000_000, 1_900_000_000_000_000_000);
        usedIds.Add(id);
        return id.ToString(CultureInfo.InvariantCulture);
    }
}

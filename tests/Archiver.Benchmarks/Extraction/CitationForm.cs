namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// One way people paste a link to a tweet. <see cref="Build"/> takes the handle, the id and the prose source
/// (for random query values) and returns the raw URL, before any HTML escaping.
/// </summary>
internal sealed record CitationForm(string Name, int Weight, Func<string, string, Prose, string> Build)
{
    /// <summary>The name of the form used for HTML embed blockquotes (status link in the date anchor).</summary>
    public const string EmbedBlockquote = "html embed blockquote";

    /// <summary>Forms planted in running text and links, with how often each appears relative to the others.</summary>
    public static IReadOnlyList<CitationForm> All { get; } =
    [
        new("https://twitter.com/u/status/id", 20, static (h, id, _) => $"https://twitter.com/{h}/status/{id}"),
        new("https://x.com/u/status/id", 20, static (h, id, _) => $"https://x.com/{h}/status/{id}"),
        new("twitter.com/u/status/id (no scheme)", 6, static (h, id, _) => $"twitter.com/{h}/status/{id}"),
        new("x.com/u/status/id (no scheme)", 6, static (h, id, _) => $"x.com/{h}/status/{id}"),
        new("http://www.twitter.com/...", 3, static (h, id, _) => $"http://www.twitter.com/{h}/status/{id}"),
        new("www.x.com/... (no scheme)", 2, static (h, id, _) => $"www.x.com/{h}/status/{id}"),
        new("https://mobile.twitter.com/...", 4, static (h, id, _) => $"https://mobile.twitter.com/{h}/status/{id}"),
        new("https://m.twitter.com/...", 1, static (h, id, _) => $"https://m.twitter.com/{h}/status/{id}"),
        new("/i/web/status/id", 4, static (_, id, _) => $"https://twitter.com/i/web/status/{id}"),
        new("/i/status/id", 2, static (_, id, _) => $"https://x.com/i/status/{id}"),
        new("/u/statuses/id", 2, static (h, id, _) => $"https://twitter.com/{h}/statuses/{id}"),
        new("#!/ hash-bang", 2, static (h, id, _) => $"http://twitter.com/#!/{h}/status/{id}"),
        new("?s=20&t=... query", 8, static (h, id, p) => $"https://x.com/{h}/status/{id}?s={p.Random.Next(19, 47)}&t={p.Code(22)}"),
        new("?ref_src=twsrc%5Etfw query", 3, static (h, id, _) => $"https://twitter.com/{h}/status/{id}?ref_src=twsrc%5Etfw"),
        new("/photo/N", 3, static (h, id, p) => $"https://twitter.com/{h}/status/{id}/photo/{p.Random.Next(1, 5)}"),
        new("/video/N", 2, static (h, id, _) => $"https://x.com/{h}/status/{id}/video/1"),
        new("trailing slash", 2, static (h, id, _) => $"https://x.com/{h}/status/{id}/"),
        new("#fragment", 1, static (h, id, _) => $"https://twitter.com/{h}/status/{id}#reply"),
        new("mixed-case host", 2, static (h, id, p) => p.Random.Next(2) == 0
            ? $"https://Twitter.com/{h}/status/{id}"
            : $"HTTPS://X.COM/{h}/status/{id}"),
        new("mirror fxtwitter.com", 2, static (h, id, _) => $"https://fxtwitter.com/{h}/status/{id}"),
        new("mirror vxtwitter.com", 2, static (h, id, _) => $"https://vxtwitter.com/{h}/status/{id}"),
        new("mirror fixupx.com", 1, static (h, id, _) => $"https://fixupx.com/{h}/status/{id}"),
        new("mirror fixvx.com", 1, static (h, id, _) => $"https://fixvx.com/{h}/status/{id}"),
        new("mirror nitter.net", 1, static (h, id, _) => $"https://nitter.net/{h}/status/{id}#m"),
        new("mirror xcancel.com", 1, static (h, id, _) => $"https://xcancel.com/{h}/status/{id}"),
    ];

    private static readonly int TotalWeight = All.Sum(f => f.Weight);

    public static CitationForm Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var form in All)
        {
            roll -= form.Weight;
            if (roll < 0)
            {
                return form;
            }
        }

        throw new InvalidOperationException("The weights do not add up.");
    }
}

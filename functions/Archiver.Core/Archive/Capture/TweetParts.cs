using System.Security.Cryptography;
using System.Text;
using Archiver.Sources;

namespace Archiver.Archive;

/// <summary>
/// The parts of a tweet, which source delivers which, how rich each source is, and a fingerprint of each part that
/// two captures can be compared by. Counters and the creation time are recorded with their source but never compared.
/// </summary>
internal static class TweetParts
{
    public const string Text = "text";
    public const string Author = "author";
    public const string CreatedAt = "createdAt";
    public const string Media = "media";
    public const string Counts = "counts";
    public const string Card = "card";
    public const string Quoted = "quoted";
    public const string Parent = "parent";
    public const string Edits = "edits";

    /// <summary>The sources, richest first.</summary>
    public static readonly IReadOnlyList<string> Ladder = [SyndicationParser.SourceName, FxTwitterParser.SourceName, OEmbedParser.SourceName];

    /// <summary>Every part, as syndication (the richest source) delivers them.</summary>
    public static readonly IReadOnlyList<string> All = [Text, Author, CreatedAt, Media, Counts, Card, Quoted, Parent, Edits];

    /// <summary>The parts a version is told apart by: what a reader would call the tweet.</summary>
    public static readonly IReadOnlyList<string> Compared = [Text, Author, Media, Card, Quoted, Parent, Edits];

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Delivered = new Dictionary<string, IReadOnlySet<string>>
    {
        [SyndicationParser.SourceName] = new HashSet<string> { Text, Author, CreatedAt, Media, Counts, Card, Quoted, Parent, Edits },
        [FxTwitterParser.SourceName] = new HashSet<string> { Text, Author, CreatedAt, Media, Counts, Quoted, Parent },
        [OEmbedParser.SourceName] = new HashSet<string> { Text, Author },
    };

    /// <summary>Higher is richer; an unknown source ranks lowest.</summary>
    public static int Rank(string? source)
    {
        var index = source is null ? -1 : IndexOf(source);
        return index < 0 ? 0 : Ladder.Count - index;
    }

    public static bool Delivers(string source, string part) => Delivered.TryGetValue(source, out var parts) && parts.Contains(part);

    /// <summary>Which source delivered each part of the assembled tweet (<paramref name="tweetSource"/>, unless another filled it in).</summary>
    public static IReadOnlyDictionary<string, string> Provenance(string tweetSource, IReadOnlyDictionary<string, string> suppliedBy)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in All)
        {
            var source = suppliedBy.TryGetValue(part, out var filled) ? filled : tweetSource;
            if (Delivers(source, part))
            {
                parts[part] = source;
            }
        }

        return parts;
    }

    /// <summary>A fingerprint of each compared part the capture holds, with the source that delivered it.</summary>
    public static IReadOnlyDictionary<string, PartPrint> Prints(TweetData tweet, IReadOnlyDictionary<string, string> provenance)
    {
        var prints = new SortedDictionary<string, PartPrint>(StringComparer.Ordinal);
        foreach (var part in Compared)
        {
            if (provenance.TryGetValue(part, out var source))
            {
                prints[part] = new PartPrint { Source = source, Hash = Hash(Canonical(tweet, part)) };
            }
        }

        return prints;
    }

    private static int IndexOf(string source)
    {
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (Ladder[i] == source)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Canonical(TweetData tweet, string part) => part switch
    {
        Text => string.Join('\n', [tweet.Text ?? "", .. tweet.Links.Select(l => l.ExpandedUrl ?? l.Url)]),
        Author => $"{tweet.Author?.Name}\n{tweet.Author?.ScreenName}",
        Media => string.Join('\n', tweet.Media.Select(MediaUrls.Identity)),
        Card => tweet.Card is { } card ? string.Join('\n', card.Title, card.Description, card.Url, card.ImageUrl) : "",
        Quoted => tweet.QuotedTweetId ?? tweet.QuotedTweet?.Id ?? "",
        Parent => tweet.ParentTweetId ?? tweet.Parent?.Id ?? "",
        Edits => string.Join('\n', (tweet.Edits?.EditTweetIds ?? []).Order(StringComparer.Ordinal)),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Not a compared part."),
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

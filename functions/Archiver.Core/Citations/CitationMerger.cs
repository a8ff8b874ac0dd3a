namespace Archiver.Citations;

/// <summary>
/// Joins findings into citations: one per cited tweet. Findings that share a tweet id or a short-link code, or an
/// embed and the short links it owns, are one citation; two different ids are never joined (a code shared by two
/// embeds stays with the first). An embed with neither id nor link is keyed by handle, date and text.
/// Citations come in the order of their first occurrence; occurrences are in input order without repeats.
/// </summary>
internal static class CitationMerger
{
    public static IReadOnlyList<Citation> Merge(IReadOnlyList<Finding> found)
    {
        var findings = InInputOrder(found);
        var groups = new UnionFind([.. findings.Select(f => f.TweetId)]);
        var owners = new Dictionary<Key, int>();
        for (var i = 0; i < findings.Length; i++)
        {
            var finding = findings[i];
            if (finding.TweetId is { } id)
            {
                Claim(new Key('#', id), i);
            }

            if (finding.ShortLink is { } link)
            {
                Claim(new Key('~', link.Code), i);
            }

            foreach (var linked in finding.LinkedLinks)
            {
                Claim(new Key('~', linked.Code), i);
            }

            if (finding is { Embed: { } embed, TweetId: null, ShortLink: null, LinkedLinks.Count: 0 })
            {
                Claim(new Key('@', embed.ScreenName.ToLowerInvariant(), embed.Date, embed.Text), i);
            }
        }

        var members = new Dictionary<int, List<Finding>>();
        var order = new List<int>();
        for (var i = 0; i < findings.Length; i++)
        {
            var root = groups.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
                order.Add(root);
            }

            list.Add(findings[i]);
        }

        return [.. order.Select(root => Build(groups.IdOf(root), members[root], code => owners.TryGetValue(new Key('~', code), out var o) && groups.Find(o) == root))];

        void Claim(Key key, int finding)
        {
            if (!owners.TryAdd(key, finding))
            {
                groups.TryUnion(finding, owners[key]);
            }
        }
    }

    /// <summary>Sorted by offset; findings at the same offset keep the order they were found in.</summary>
    private static Finding[] InInputOrder(IReadOnlyList<Finding> found)
    {
        var findings = found.ToArray();
        var keys = new long[findings.Length];
        for (var i = 0; i < findings.Length; i++)
        {
            keys[i] = ((long)findings[i].Occurrence.Offset << 32) | (uint)i;
        }

        Array.Sort(keys, findings);
        return findings;
    }

    private static Citation Build(string? tweetId, List<Finding> findings, Func<string, bool> ownsCode)
    {
        var embed = findings.Select(f => f.Embed).FirstOrDefault(e => e is not null);
        var screenName = embed?.ScreenName ?? findings.Select(f => f.UrlScreenName).FirstOrDefault(s => s is not null);
        var occurrences = findings.Select(f => f.Occurrence).ToList();
        occurrences.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Length.CompareTo(b.Length));
        return new Citation
        {
            TweetId = tweetId,
            ScreenName = screenName,
            Url = tweetId is null ? null : $"https://x.com/{screenName ?? "i"}/status/{tweetId}",
            ShortLink = ShortLinkOf(findings, ownsCode),
            Embed = embed,
            Occurrences = [.. occurrences.Where((o, i) => i == 0 || o != occurrences[i - 1])],
        };
    }

    /// <summary>
    /// The embed's own media link when there is one, else the first short link cited; written as
    /// <see cref="ShortLink.Canonical"/> says, as a picture link if the article ever showed that code as one.
    /// </summary>
    private static string? ShortLinkOf(List<Finding> findings, Func<string, bool> ownsCode)
    {
        var linked = findings.SelectMany(f => f.LinkedLinks);
        var written = findings.Select(f => f.ShortLink).OfType<ShortLink>();
        var chosen = linked.FirstOrDefault(l => ownsCode(l.Code)) ?? written.FirstOrDefault(l => ownsCode(l.Code));
        if (chosen is null)
        {
            return null;
        }

        var isPicture = linked.Concat(written).Any(l => l.IsPicture && string.Equals(l.Code, chosen.Code, StringComparison.Ordinal));
        return ShortLink.Canonical(chosen.Code, isPicture);
    }

    /// <summary>What joins findings: '#' a tweet id, '~' a short-link code, '@' a linkless embed's handle, date and text.</summary>
    private readonly record struct Key(char Kind, string Value, string? Date = null, string? Text = null);

    /// <summary>Disjoint sets of findings that remember the tweet id of each set and refuse to join two different ids.</summary>
    private sealed class UnionFind
    {
        private readonly int[] parent;
        private readonly string?[] ids;

        public UnionFind(string?[] ids)
        {
            this.ids = ids;
            parent = new int[ids.Length];
            for (var i = 0; i < parent.Length; i++)
            {
                parent[i] = i;
            }
        }

        public string? IdOf(int root) => ids[root];

        public int Find(int item)
        {
            while (parent[item] != item)
            {
                parent[item] = parent[parent[item]];
                item = parent[item];
            }

            return item;
        }

        public void TryUnion(int a, int b)
        {
            var rootA = Find(a);
            var rootB = Find(b);
            if (rootA == rootB || (ids[rootA] is { } idA && ids[rootB] is { } idB && idA != idB))
            {
                return;
            }

            var (root, child) = rootA < rootB ? (rootA, rootB) : (rootB, rootA);
            parent[child] = root;
            ids[root] ??= ids[child];
        }
    }
}

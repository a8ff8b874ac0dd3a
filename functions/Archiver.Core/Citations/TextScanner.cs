using System.Buffers;

namespace Archiver.Citations;

/// <summary>
/// One linear pass over text that finds status links, short links and flattened embed signatures. A vectorised
/// search for trigger substrings (a host fragment, or "(@" for a signature) skips the text between candidates; each
/// candidate is confirmed by <see cref="HostRun"/>, <see cref="StatusUrlParser"/>, <see cref="ShortLinkParser"/> or
/// <see cref="EmbedSignatureParser"/>, which never look further back than the previous candidate, so the pass stays
/// linear in the input whatever it holds.
/// </summary>
internal sealed class TextScanner
{
    private const string SignatureTrigger = "(@";

    private readonly TweetHosts hosts;
    private readonly SearchValues<string> linkTriggers;
    private readonly SearchValues<string> allTriggers;

    public TextScanner(TweetHosts hosts)
    {
        this.hosts = hosts;
        linkTriggers = SearchValues.Create([.. hosts.Triggers], StringComparison.OrdinalIgnoreCase);
        allTriggers = SearchValues.Create([.. hosts.Triggers, SignatureTrigger], StringComparison.OrdinalIgnoreCase);
    }

    public TweetHosts Hosts => hosts;

    /// <summary>Appends what <paramref name="text"/> cites to <paramref name="findings"/>, in input order.</summary>
    public void Scan(string text, TextScanOptions options, List<Finding> findings)
    {
        var triggers = options.Signatures ? allTriggers : linkTriggers;
        var shortLinks = new List<ShortLink>();
        var position = 0;
        var floor = 0;
        var signatureFloor = 0;
        while (position < text.Length)
        {
            var found = text.AsSpan(position).IndexOfAny(triggers);
            if (found < 0)
            {
                break;
            }

            var hit = position + found;
            if (text[hit] == '(')
            {
                if (EmbedSignatureParser.TryMatchAt(text, hit, out var signature, out _)
                    && (signature.EndsLine || LinkBefore(text, signature.DashStart, shortLinks, signatureFloor) is not null))
                {
                    findings.Add(SignatureFinding(text, signature, options, shortLinks, signatureFloor));
                    signatureFloor = signature.End;
                }

                position = hit + SignatureTrigger.Length;
                continue;
            }

            position = floor = ScanHost(text, hit, floor, findings, shortLinks);
        }
    }

    /// <summary>Reads the run of host characters around <paramref name="hit"/>; returns where scanning goes on.</summary>
    private int ScanHost(string text, int hit, int floor, List<Finding> findings, List<ShortLink> shortLinks)
    {
        var runStart = hit;
        while (runStart > floor && CharKinds.IsHostChar(text[runStart - 1]))
        {
            runStart--;
        }

        var runEnd = hit;
        while (runEnd < text.Length && CharKinds.IsHostChar(text[runEnd]))
        {
            runEnd++;
        }

        // A host neither starts nor ends with '.' or '-': "…twitter.com/…" after an ellipsis is still a link.
        var hostStart = runStart;
        while (hostStart < runEnd && text[hostStart] is '.' or '-')
        {
            hostStart++;
        }

        if (hostStart == runEnd || !HostRun.TryRead(text, floor, hostStart, runEnd, hosts, out var run, out _))
        {
            return runEnd;
        }

        if (run.Kind == HostKind.Status && StatusUrlParser.TryMatch(text, run, out var status, out _))
        {
            findings.Add(Finding.Of(status));
            return status.Offset + status.Length;
        }

        if (run.Kind == HostKind.ShortLink && ShortLinkParser.TryMatch(text, run, out var shortLink, out _))
        {
            findings.Add(Finding.Of(shortLink));
            shortLinks.Add(shortLink);
            return shortLink.Offset + shortLink.Length;
        }

        return runEnd;
    }

    private Finding SignatureFinding(string text, SignatureMatch signature, TextScanOptions options, List<ShortLink> shortLinks, int floor)
    {
        var media = LinkBefore(text, signature.DashStart, shortLinks, floor);
        var cut = media is null ? signature.DashStart : DisplayStart(text, media.Offset, floor);
        var textStart = EmbedTextCollector.FindStart(text, cut, floor, options.Markdown);
        var linked = new List<ShortLink>();
        if (media is not null)
        {
            linked.Add(media);
        }

        for (var i = shortLinks.Count - 1; i >= 0 && shortLinks[i].Offset >= textStart; i--)
        {
            if (shortLinks[i].Offset < signature.DashStart && shortLinks[i] != media)
            {
                linked.Add(shortLinks[i]);
            }
        }

        var dateLink = DateLink(text, signature.End);
        return new Finding
        {
            Occurrence = new Occurrence(signature.DashStart, signature.End - signature.DashStart),
            TweetId = dateLink?.TweetId,
            UrlScreenName = dateLink?.ScreenName,
            Embed = new EmbedInfo
            {
                AuthorName = signature.AuthorName,
                ScreenName = signature.ScreenName,
                Date = signature.IsoDate,
                Text = TextTidy.Block(text.AsSpan(textStart, cut - textStart), options.Markdown),
            },
            LinkedLinks = linked,
        };
    }

    /// <summary>
    /// The short link just before the dash (only white space, or the ')' or '&gt;' closing a Markdown link, between):
    /// the embed's media or link, which is part of the same citation.
    /// </summary>
    private static ShortLink? LinkBefore(string text, int dashStart, List<ShortLink> shortLinks, int floor)
    {
        for (var i = shortLinks.Count - 1; i >= 0; i--)
        {
            var link = shortLinks[i];
            var end = link.Offset + link.Length;
            if (end > dashStart)
            {
                continue;
            }

            if (link.Offset < floor)
            {
                return null;
            }

            foreach (var c in text.AsSpan(end, dashStart - end))
            {
                if (!CharKinds.IsSpace(c) && c is not (')' or '>'))
                {
                    return null;
                }
            }

            return link;
        }

        return null;
    }

    /// <summary>For a Markdown link <c>[shown](https://t.co/CODE)</c>, the '[' where the shown text starts.</summary>
    private static int DisplayStart(string text, int linkStart, int floor)
    {
        if (linkStart < 2 || text[linkStart - 1] != '(' || text[linkStart - 2] != ']')
        {
            return linkStart;
        }

        var limit = Math.Max(floor, linkStart - 200);
        for (var i = linkStart - 2; i > limit; i--)
        {
            switch (text[i - 1])
            {
                case '[':
                    return i - 1;
                case '\n':
                    return linkStart;
            }
        }

        return linkStart;
    }

    /// <summary>A date written as a Markdown link to the status, <c>[January 7, 2022](https://twitter.com/…/status/…)</c>.</summary>
    private StatusLink? DateLink(string text, int dateEnd)
    {
        if (dateEnd + 2 > text.Length || text[dateEnd] != ']' || text[dateEnd + 1] != '(')
        {
            return null;
        }

        return HostRun.TryLocateAt(text, dateEnd + 2, hosts, out var run, out _) && run.Kind == HostKind.Status
            && StatusUrlParser.TryMatch(text, run, out var link, out _)
            ? link
            : null;
    }
}

using Archiver.Citations;
using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// Reads a <c>publish.twitter.com/oembed</c> (or <c>publish.x.com</c>) response. 200 JSON gives the tweet as the
/// blockquote shows it (id, text, author name and handle, language, t.co links) and keeps the <c>html</c> verbatim as
/// <see cref="TweetFound.EmbedHtml"/>. No media, counts or time: the blockquote only prints a date ("April 9, 2024",
/// localised with <c>lang</c>, UTC give or take a day), which is too coarse for <see cref="TweetData.CreatedAt"/>, so that
/// stays null; the snowflake id and <see cref="TweetFound.EmbedHtml"/> still carry it.
/// 404 is <see cref="Unavailability.NotFound"/>; 403 with "not authorized" is <see cref="Unavailability.Protected"/>;
/// everything else (400, 429, 5xx, a non-JSON 200, no answer) is <see cref="SourceFailed"/>.
/// </summary>
internal static class OEmbedParser
{
    public const string SourceName = "oembed";

    public static SourceOutcome Parse(UpstreamExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (UpstreamResponse.Unreadable(exchange) is { } unreadable)
        {
            return UpstreamResponse.Failed(SourceName, exchange, unreadable);
        }

        switch (exchange.Status)
        {
            case 404:
                return UpstreamResponse.Unavailable(SourceName, exchange, Unavailability.NotFound, wording: null);
            case 403:
                return Forbidden(exchange);
            case not 200:
                return UpstreamResponse.Failed(SourceName, exchange, UpstreamResponse.DescribeStatus(exchange));
        }

        if (!UpstreamResponse.TryParseJson(exchange, out var document, out var error))
        {
            return UpstreamResponse.Failed(SourceName, exchange, error);
        }

        using (document)
        {
            return ParseBody(exchange, document.RootElement);
        }
    }

    /// <summary>The 2016-era answer for a protected account: 403 <c>{"error":"Sorry, you are not authorized to see this status."}</c>.</summary>
    private static SourceOutcome Forbidden(UpstreamExchange exchange)
    {
        using var document = UpstreamResponse.TryParseJsonQuietly(exchange);
        var message = document is null ? null : UpstreamResponse.ErrorMessage(document.RootElement);
        return message is not null && message.Contains("not authorized", StringComparison.OrdinalIgnoreCase)
            ? UpstreamResponse.Unavailable(SourceName, exchange, Unavailability.Protected, message)
            : UpstreamResponse.Failed(SourceName, exchange, UpstreamResponse.DescribeStatus(exchange));
    }

    private static SourceOutcome ParseBody(UpstreamExchange exchange, JsonElement root)
    {
        if (root.GetStringOrNull("html") is not { } html)
        {
            return UpstreamResponse.Failed(SourceName, exchange, "HTTP 200 without an html field.");
        }

        if (OEmbedBlockquote.Read(html) is not { } blockquote)
        {
            return UpstreamResponse.Failed(SourceName, exchange, "HTTP 200 whose html holds no blockquote.");
        }

        var url = root.GetStringOrNull("url");
        var id = (StatusUrlParser.TryParse(url, out var link) || StatusUrlParser.TryParse(blockquote.Permalink, out link)) ? link.TweetId : null;
        if (id is null)
        {
            return UpstreamResponse.Failed(SourceName, exchange, "HTTP 200 naming no status id (neither url nor the blockquote's permalink).");
        }

        var handle = ProfileUrl.Handle(root.GetStringOrNull("author_url")) ?? blockquote.AuthorHandle ?? ProfileUrl.Handle(url);
        var name = root.GetStringOrNull("author_name") ?? blockquote.AuthorName;
        var tweet = new TweetData
        {
            Id = id,
            Text = blockquote.Text,
            Lang = blockquote.Lang,
            Author = handle is null ? null : new TweetAuthor { Name = name ?? handle, ScreenName = handle },
            Links = blockquote.Links,
        };
        return UpstreamResponse.Found(SourceName, exchange, tweet, embedHtml: html);
    }
}

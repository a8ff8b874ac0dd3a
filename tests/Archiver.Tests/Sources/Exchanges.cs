using System.Security.Cryptography;
using System.Text;
using Archiver.Sources;

namespace Archiver.Tests.Sources;

/// <summary>Builds the <see cref="UpstreamExchange"/> a parser is handed.</summary>
internal static class Exchanges
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string HtmlType = "text/html; charset=utf-8";

    private static readonly DateTimeOffset At = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    public static UpstreamExchange Json(int status, string body, string endpoint = "syndication", string? url = null) =>
        Make(status, JsonType, body, endpoint, url);

    public static UpstreamExchange Html(int status, string body, string endpoint = "syndication") =>
        Make(status, HtmlType, body, endpoint);

    public static UpstreamExchange NoAnswer(string endpoint = "syndication") => Make(null, null, "", endpoint);

    public static UpstreamExchange Make(int? status, string? contentType, string body, string endpoint = "syndication", string? url = null, bool truncated = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new UpstreamExchange
        {
            Endpoint = endpoint,
            Url = url ?? endpoint switch
            {
                "oembed" => "https://publish.x.com/oembed?url=https%3A%2F%2Fx.com%2Fi%2Fstatus%2F1790000000000000000&omit_script=1&dnt=true",
                "fxtwitter" => "https://api.fxtwitter.com/status/1790000000000000000",
                _ => "https://cdn.syndication.twimg.com/tweet-result?id=1790000000000000000&lang=en&token=4c7g8auqyik",
            },
            Status = status,
            ContentType = contentType,
            At = At,
            Body = bytes,
            Truncated = truncated,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }
}

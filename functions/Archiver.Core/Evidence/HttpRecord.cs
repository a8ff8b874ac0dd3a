using System.Globalization;
using System.Text;

namespace Archiver.Evidence;

/// <summary>
/// One upstream HTTP exchange as it went over the wire, less its bodies: the request line and headers sent, the status
/// line and headers received. Secrets are replaced before it is kept (<see cref="HeaderField.Redacted"/>). A WARC
/// request/response pair is rebuilt from it and the raw body kept beside it.
/// </summary>
public sealed record HttpRecord
{
    public required string Method { get; init; }

    /// <summary>The URL asked for, on the real host (a host map's loopback address never shows here).</summary>
    public required string Url { get; init; }

    /// <summary>The protocol the answer came in, as in a status line: <c>HTTP/1.1</c>, <c>HTTP/2</c>.</summary>
    public required string HttpVersion { get; init; }

    public required IReadOnlyList<HeaderField> RequestHeaders { get; init; }

    public required int Status { get; init; }

    public string? Reason { get; init; }

    public required IReadOnlyList<HeaderField> ResponseHeaders { get; init; }

    /// <summary>The request line and headers, ending with the blank line.</summary>
    public byte[] RequestHead()
    {
        var uri = new Uri(Url);
        var head = new StringBuilder().Append(Method).Append(' ').Append(uri.PathAndQuery).Append(' ').Append(HttpVersion).Append("\r\n");
        return Finish(head, RequestHeaders);
    }

    /// <summary>
    /// The status line and headers, ending with the blank line, as a WARC response record carries them in front of the
    /// body kept: without <c>Transfer-Encoding</c>, since the body is kept de-chunked (replay tools would chunk-decode it).
    /// </summary>
    public byte[] ResponseHead()
    {
        var head = new StringBuilder().Append(HttpVersion).Append(' ').Append(Status.ToString(CultureInfo.InvariantCulture));
        head.Append(' ').Append(Reason ?? "").Append("\r\n");
        return Finish(head, [.. ResponseHeaders.Where(h => !h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))]);
    }

    private static byte[] Finish(StringBuilder head, IReadOnlyList<HeaderField> headers)
    {
        foreach (var header in headers)
        {
            head.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        head.Append("\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }
}

/// <summary>One header line.</summary>
public sealed record HeaderField(string Name, string Value)
{
    public const string Removed = "(removed by Archiver)";

    /// <summary>Headers whose values are credentials or session state: kept by name, their value replaced.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Guest-Token", "X-Csrf-Token", "X-Api-Key",
    };

    public static HeaderField Redacted(string name, string value) => new(name, Secret.Contains(name) ? Removed : value);
}

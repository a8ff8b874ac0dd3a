namespace Archiver.Tests.Fakes;

/// <summary>The ways <see cref="FakeFaults"/> makes the fake upstream fail a request.</summary>
public enum FakeFaultKind
{
    /// <summary>429 with <c>Retry-After</c> in seconds (<see cref="FakeFaults.RetryAfter"/> or <see cref="FakeFaults.LongRetryAfter"/>).</summary>
    RateLimited,

    /// <summary>503 with an HTML error page.</summary>
    ServiceUnavailable,

    /// <summary>The connection is dropped without an answer.</summary>
    ConnectionReset,

    /// <summary>No answer for longer than the client's attempt timeout.</summary>
    Stall,

    /// <summary>200 with the JSON body cut in half (a whole response whose JSON does not parse).</summary>
    CutOffJson,

    /// <summary>200 with HTML where JSON belongs (a blocked cloud IP's page).</summary>
    HtmlForJson,

    /// <summary>200 with <c>{}</c> where the tweet belongs.</summary>
    EmptyJson,

    /// <summary>200 declaring the whole file's length, then the connection drops half-way through the bytes.</summary>
    TruncatedMedia,

    /// <summary>200 with an HTML page where an image or a video belongs.</summary>
    HtmlForMedia,
}

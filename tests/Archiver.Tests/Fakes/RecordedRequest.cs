namespace Archiver.Tests.Fakes;

/// <summary>One request the fake upstream received, under the real host it played.</summary>
public sealed record RecordedRequest(string Host, string PathAndQuery, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public string? UserAgent => Headers.TryGetValue("User-Agent", out var value) ? value : null;

    /// <summary>The real URL this request stood for.</summary>
    public string Url => $"https://{Host}{PathAndQuery}";
}

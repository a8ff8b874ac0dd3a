namespace Archiver.Tests.Fakes;

/// <summary>A photo: <c>https://pbs.twimg.com/media/{Key}.{Format}</c>.</summary>
public sealed record FakePhoto(string Key, string Format = "jpg", int Width = 2048, int Height = 1536, string? AltText = null)
{
    public string MediaUrl => $"https://pbs.twimg.com/media/{Key}.{Format}";

    /// <summary>The query-style URL of one size (<c>orig</c>, <c>4096x4096</c>, <c>large</c>…).</summary>
    public string SizeUrl(string name) => $"https://pbs.twimg.com/media/{Key}?format={Format}&name={name}";
}

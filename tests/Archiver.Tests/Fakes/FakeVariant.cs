namespace Archiver.Tests.Fakes;

/// <summary>One variant: an mp4 with a bitrate, or the HLS playlist (<c>application/x-mpegURL</c>, no bitrate).</summary>
public sealed record FakeVariant(string Url, string ContentType = "video/mp4", long? Bitrate = null);

namespace Archiver.Tests.Fakes;

/// <summary>A video or GIF, with its variants in the order given (X does not sort them).</summary>
public sealed record FakeVideo(string MediaId, IReadOnlyList<FakeVariant> Variants, bool Gif = false, int Width = 1280, int Height = 720, long DurationMs = 31400)
{
    public string PosterUrl => Gif
        ? $"https://pbs.twimg.com/tweet_video_thumb/{MediaId}.jpg"
        : $"https://pbs.twimg.com/amplify_video_thumb/{MediaId}/img/Jk8LmN0pQr2StUvW.jpg";
}

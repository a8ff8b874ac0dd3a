using System.Security.Cryptography;
using Archiver.Sources;
using Archiver.Tests.Fakes;

namespace Archiver.Tests.Sources.Http;

public sealed class MediaFetcherTests : IDisposable
{
    private static readonly FakePhoto Photo = new("GKtQ3bWXsAAm9Pz");

    private readonly string tempFolder = Path.Combine(Path.GetTempPath(), $"archiver-tests-{Guid.NewGuid():n}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Settings(long? maxMediaBytes = null)
    {
        var settings = new Dictionary<string, string?> { ["Archiver:Upstream:MediaTempDirectory"] = tempFolder };
        if (maxMediaBytes is { } max)
        {
            settings["Archiver:Upstream:MaxMediaBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static TweetMedia PhotoMedia()
    {
        var (url, fallbacks) = MediaUrls.PhotoOriginal(Photo.MediaUrl);
        return new TweetMedia { Kind = MediaKind.Photo, Url = url, FallbackUrls = fallbacks };
    }

    private bool TempFolderEmpty() => !Directory.Exists(tempFolder) || !Directory.EnumerateFiles(tempFolder).Any();

    [Fact]
    public async Task DownloadAsync_Photo_Sha256ComputedWhileStreamingMatchesTheBytes()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings());
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        upstream.Fake.AddMedia(Photo.SizeUrl("orig"), bytes, "image/jpeg");

        await using var download = await upstream.Media.DownloadAsync(PhotoMedia(), Ct);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), download.Sha256);
        Assert.Equal(bytes.Length, download.Size);
        Assert.Equal("image/jpeg", download.ContentType);
        Assert.Equal(Photo.SizeUrl("orig"), download.Url);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(download.FilePath!, Ct));
        var exchange = Assert.Single(download.Exchanges);
        Assert.Equal(200, exchange.Status);
        Assert.True(exchange.Body.IsEmpty);
        await download.DisposeAsync();
        Assert.False(File.Exists(download.FilePath));
    }

    [Fact]
    public async Task DownloadAsync_OriginalNotFound_FallsBackTo4096()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings());
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        upstream.Fake.AddMedia(Photo.SizeUrl("4096x4096"), bytes, "image/jpeg");

        await using var download = await upstream.Media.DownloadAsync(PhotoMedia(), Ct);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal(Photo.SizeUrl("4096x4096"), download.Url);
        Assert.Equal([404, 200], download.Exchanges.Select(e => e.Status));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), download.Sha256);
    }

    [Fact]
    public async Task DownloadAsync_NotFoundEverywhere_Gone()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings());

        await using var download = await upstream.Media.DownloadAsync(PhotoMedia(), Ct);

        Assert.Equal(MediaFailure.Gone, download.Failure);
        Assert.Equal(5, download.Exchanges.Count);
        Assert.Null(download.FilePath);
    }

    [Fact]
    public async Task DownloadAsync_LargerThanCapWithoutContentLength_AbortedAndTempFileDeleted()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings(maxMediaBytes: 100_000));
        var url = "https://video.twimg.com/ext_tw_video/1/pu/vid/avc1/1280x720/Big.mp4?tag=12";
        upstream.Fake.Url(url).Always(FakeReply.Generated(5_000_000, "video/mp4") with { Chunked = true });

        await using var download = await upstream.Media.DownloadAsync(url, [], MediaContentKind.Video, Ct);

        Assert.Equal(MediaFailure.TooLarge, download.Failure);
        Assert.Null(download.FilePath);
        Assert.True(TempFolderEmpty());
    }

    [Fact]
    public async Task DownloadAsync_ContentLengthAboveCap_RefusedBeforeReading()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings(maxMediaBytes: 100_000));
        var url = "https://video.twimg.com/ext_tw_video/1/pu/vid/avc1/1280x720/Big.mp4?tag=12";
        upstream.Fake.Url(url).Always(FakeReply.Generated(5_000_000, "video/mp4"));

        await using var download = await upstream.Media.DownloadAsync(url, [], MediaContentKind.Video, Ct);

        Assert.Equal(MediaFailure.TooLarge, download.Failure);
        Assert.StartsWith("Content-Length 5000000 exceeds", download.Error, StringComparison.Ordinal);
        Assert.True(TempFolderEmpty());
    }

    [Fact]
    public async Task DownloadAsync_GeneratedVideo_HashMatchesWhatTheFakeServed()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings());
        var url = "https://video.twimg.com/amplify_video/2055999999000000000/vid/avc1/1280x720/Pa9Xb8Yc7Zd6We5V.mp4?tag=14";
        upstream.Fake.Url(url).Always(FakeReply.Generated(1_000_000, "video/mp4"));

        await using var download = await upstream.Media.DownloadAsync(url, [], MediaContentKind.Video, Ct);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(FakeReply.GeneratedBytes(1_000_000))), download.Sha256);
        Assert.Equal("video/mp4", download.ContentType);
    }

    [Theory]
    [InlineData("text/html", nameof(MediaContentKind.Image))]
    [InlineData("application/octet-stream", nameof(MediaContentKind.Image))]
    [InlineData("image/jpeg", nameof(MediaContentKind.Video))]
    public async Task DownloadAsync_WrongContentType_Fails(string contentType, string expected)
    {
        var kind = Enum.Parse<MediaContentKind>(expected);
        await using var upstream = await UpstreamHarness.StartAsync(Settings());
        upstream.Fake.AddMedia(Photo.SizeUrl("orig"), [1, 2, 3], contentType);

        await using var download = await upstream.Media.DownloadAsync(Photo.SizeUrl("orig"), [], kind, Ct);

        Assert.Equal(MediaFailure.WrongContentType, download.Failure);
        Assert.Null(download.FilePath);
        Assert.True(TempFolderEmpty());
    }

    [Fact]
    public async Task DownloadAsync_HostOffTheAllowList_RefusedWithoutRequest()
    {
        await using var upstream = await UpstreamHarness.StartAsync(Settings());

        await using var download = await upstream.Media.DownloadAsync("https://example.org/cat.jpg", [], MediaContentKind.Image, Ct);

        Assert.Equal(MediaFailure.Refused, download.Failure);
        Assert.Empty(upstream.Fake.Requests);
    }

    public void Dispose()
    {
        if (Directory.Exists(tempFolder))
        {
            Directory.Delete(tempFolder, recursive: true);
        }
    }
}

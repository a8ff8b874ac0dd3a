using Archiver.Sources;

namespace Archiver.Tests.Sources;

public sealed class MediaUrlsTests
{
    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_normal.jpg", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400.jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_bigger.png", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400.png")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_mini.jpeg", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400.jpeg")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_200x200.jpg", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400.jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_normal", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400.jpg", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe_400x400.jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe.jpg", "https://pbs.twimg.com/profile_images/1650000000000000000/IsLaNdFe.jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1650000000000000000/my_normal_pic_normal.jpg", "https://pbs.twimg.com/profile_images/1650000000000000000/my_normal_pic_400x400.jpg")]
    [InlineData("https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png", "https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png")]
    public void ProfileImage400_SizedAvatar_Becomes400x400(string url, string expected) =>
        Assert.Equal(expected, MediaUrls.ProfileImage400(url));

    [Theory]
    [InlineData("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg", "GNa1bC2dE3fG4hI", "jpg")]
    [InlineData("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.PNG:large", "GNa1bC2dE3fG4hI", "png")]
    [InlineData("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=webp&name=small", "GNa1bC2dE3fG4hI", "webp")]
    [InlineData("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg?name=orig", "GNa1bC2dE3fG4hI", "jpg")]
    [InlineData("https://pbs.twimg.com/media/Ab-_9.jpg", "Ab-_9", "jpg")]
    public void TryParsePhoto_AnyStyle_GivesKeyAndFormat(string url, string key, string format)
    {
        Assert.True(MediaUrls.TryParsePhoto(url, out var parsedKey, out var parsedFormat));
        Assert.Equal(key, parsedKey);
        Assert.Equal(format, parsedFormat);
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI")]
    [InlineData("https://pbs.twimg.com/amplify_video_thumb/2056099990000000000/img/Cr4neThumbAbCdEf.jpg")]
    [InlineData("not a url")]
    public void TryParsePhoto_NotAMediaPhoto_IsFalse(string url) =>
        Assert.False(MediaUrls.TryParsePhoto(url, out _, out _));

    [Fact]
    public void PhotoOriginal_MediaPhoto_GivesOrigAndTheLadder()
    {
        var (url, fallbacks) = MediaUrls.PhotoOriginal("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI.jpg");

        Assert.Equal("https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=orig", url);
        Assert.Equal(
            [
                "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=4096x4096",
                "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=large",
                "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=medium",
                "https://pbs.twimg.com/media/GNa1bC2dE3fG4hI?format=jpg&name=small",
            ],
            fallbacks);
    }

    [Fact]
    public void PhotoOriginal_OtherUrl_IsKeptWithoutFallbacks()
    {
        var (url, fallbacks) = MediaUrls.PhotoOriginal("https://pbs.twimg.com/card_img/1789000000000000000/Xy12Zw34?format=jpg&name=orig");

        Assert.Equal("https://pbs.twimg.com/card_img/1789000000000000000/Xy12Zw34?format=jpg&name=orig", url);
        Assert.Empty(fallbacks);
    }

    [Fact]
    public void BestMp4_UnsortedWithHls_TakesHighestBitrateMp4()
    {
        var best = MediaUrls.BestMp4(
        [
            ("https://video.twimg.com/v/pl/a.m3u8", "application/x-mpegURL", null),
            ("https://video.twimg.com/v/vid/low.mp4", "video/mp4", 256000),
            ("https://video.twimg.com/v/vid/high.mp4", "video/mp4", 2176000),
            ("https://video.twimg.com/v/vid/mid.mp4", "video/mp4", 832000),
        ]);

        Assert.Equal("https://video.twimg.com/v/vid/high.mp4", best);
    }

    [Fact]
    public void BestMp4_GifWithBitrateZero_TakesIt() =>
        Assert.Equal("https://video.twimg.com/tweet_video/K.mp4", MediaUrls.BestMp4([("https://video.twimg.com/tweet_video/K.mp4", "video/mp4", 0)]));

    [Fact]
    public void BestMp4_OnlyHls_IsNull() =>
        Assert.Null(MediaUrls.BestMp4([("https://video.twimg.com/v/pl/a.m3u8", "application/x-mpegURL", null)]));
}

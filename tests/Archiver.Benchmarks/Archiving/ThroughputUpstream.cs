using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Archiver.Sources;
using Archiver.Tests.Fakes;

namespace Archiver.Benchmarks.Archiving;

/// <summary>
/// Programs the fake upstream for the <c>archive</c> benchmark: tweets by distinct authors, each with one photo, every
/// request they cause answered after the latency (syndication, oEmbed and its redirect to publish.x.com, the photo at
/// <c>name=orig</c>, the avatar at 400×400), and tells afterwards whether a request was one of those.
/// </summary>
internal sealed class ThroughputUpstream(FakeUpstream fake, TimeSpan latency)
{
    private const long FirstId = 1_745_000_000_000_000_000;
    private const int PhotoBytes = 24_000;
    private const int AvatarBytes = 4_000;

    private readonly HashSet<string> delayedUrls = new(StringComparer.Ordinal);
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    /// <summary>Serves tweets number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public IReadOnlyList<FakeTweet> AddTweets(int first, int count)
    {
        var tweets = new List<FakeTweet>(count);
        for (var n = first; n < first + count; n++)
        {
            var tweet = fake.AddTweet(new FakeTweet
            {
                Id = (FirstId + (n * 4_194_304L)).ToString(CultureInfo.InvariantCulture),
                ScreenName = Invariant($"desk_{n:D4}"),
                Name = Invariant($"Harbour Desk {n}"),
                UserId = (900_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture),
                Photos = [new FakePhoto(Invariant($"Bx{n:D6}Qa7"))],
            });
            ids.Add(tweet.Id);
            fake.Syndication(tweet.Id).Always(FakeReply.Json(FakePayloads.Syndication(tweet)).After(latency));
            var oEmbed = TweetFetcher.OEmbedUrl(tweet.Id);
            Delay(oEmbed.AbsoluteUri, FakeReply.Redirect($"https://publish.x.com{oEmbed.PathAndQuery}"));
            fake.OEmbed(tweet.Id).Always(FakeReply.Json(FakePayloads.OEmbed(tweet)).After(latency));
            Delay(MediaUrls.Photo(tweet.Photos[0].Key, tweet.Photos[0].Format, "orig"), FakeReply.Bytes(Bytes(PhotoBytes, n, 0xD8), "image/jpeg"));
            Delay(MediaUrls.ProfileImage400(tweet.ProfileImageUrl), FakeReply.Bytes(Bytes(AvatarBytes, n, 0xA7), "image/jpeg"));
            tweets.Add(tweet);
        }

        return tweets;
    }

    /// <summary>Whether <paramref name="request"/> was answered after the latency: a programmed URL or tweet id.</summary>
    public bool WasDelayed(RecordedRequest request) => request.Host switch
    {
        "cdn.syndication.twimg.com" => request.PathAndQuery.StartsWith("/tweet-result?", StringComparison.Ordinal)
            && System.Web.HttpUtility.ParseQueryString(request.PathAndQuery[request.PathAndQuery.IndexOf('?', StringComparison.Ordinal)..])["id"] is { } id
            && ids.Contains(id),
        "publish.x.com" => ids.Any(id => request.PathAndQuery.Contains(id, StringComparison.Ordinal)),
        _ => delayedUrls.Contains(new Uri(request.Url).AbsoluteUri),
    };

    /// <summary>An article that cites every tweet by its status URL, one per line.</summary>
    public static string Article(IEnumerable<FakeTweet> tweets)
    {
        var text = new StringBuilder("Harbour log, collected for the archive benchmark.\n\n");
        foreach (var tweet in tweets)
        {
            text.Append(CultureInfo.InvariantCulture, $"As {tweet.Name} put it: {tweet.StatusUrl}\n");
        }

        return text.ToString();
    }

    private void Delay(string realUrl, FakeReply reply)
    {
        delayedUrls.Add(new Uri(realUrl).AbsoluteUri);
        fake.Url(realUrl).Always(reply.After(latency));
    }

    /// <summary>Distinct bytes per tweet (so each file is stored on its own), starting like a JPEG.</summary>
    private static byte[] Bytes(int length, int n, byte marker)
    {
        var bytes = FakeReply.GeneratedBytes(length);
        bytes[0] = 0xFF;
        bytes[1] = marker;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(2), n);
        return bytes;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Archiver.Sources;

namespace Archiver.Tests.Fakes;

/// <summary>The fake upstream's seeded faults, over real HTTP on loopback: repeatable, at the rate asked, of every kind.</summary>
public sealed class FakeFaultsTests
{
    private const int Tweets = 10;
    private const int Rounds = 12;

    [Fact]
    public async Task Faults_SameSeed_SameRequestsFailTheSameWay()
    {
        var first = await PlayAsync(new FakeFaults { Seed = 5, Rate = 0.3, Stall = TimeSpan.FromMilliseconds(20) });
        var second = await PlayAsync(new FakeFaults { Seed = 5, Rate = 0.3, Stall = TimeSpan.FromMilliseconds(20) });
        var other = await PlayAsync(new FakeFaults { Seed = 6, Rate = 0.3, Stall = TimeSpan.FromMilliseconds(20) });

        Assert.Equal(first.Answers, second.Answers);
        Assert.Equal(first.Faults.Injections, second.Faults.Injections);
        Assert.NotEqual(first.Answers, other.Answers);
    }

    [Fact]
    public async Task Faults_ThirtyPercent_EveryKindAtItsOwnHosts()
    {
        var (faults, _) = await PlayAsync(new FakeFaults { Seed = 11, Rate = 0.3, Stall = TimeSpan.FromMilliseconds(20) });

        var share = (double)faults.InjectedTotal / faults.Eligible;
        Assert.InRange(share, 0.22, 0.38);
        var media = faults.Injections.Where(i => i.Url.StartsWith("https://pbs.twimg.com/", StringComparison.Ordinal)).Select(i => i.Kind).ToHashSet();
        var json = faults.Injections.Where(i => i.Url.StartsWith("https://cdn.syndication.twimg.com/", StringComparison.Ordinal)).Select(i => i.Kind).ToHashSet();
        Assert.Equal(FakeFaults.MediaKinds.ToHashSet(), media);
        Assert.Equal(FakeFaults.JsonKinds.ToHashSet(), json);
    }

    [Fact]
    public async Task Faults_Disabled_EveryAnswerAsProgrammed()
    {
        var (faults, answers) = await PlayAsync(new FakeFaults { Seed = 11, Rate = 0.9 }, enabled: false);

        Assert.All(answers, answer => Assert.StartsWith("200 ", answer, StringComparison.Ordinal));
        Assert.Equal(0, faults.Eligible);
        Assert.Empty(faults.Injections);
    }

    /// <summary>Asks for each tweet's syndication answer and photo, <see cref="Rounds"/> times in turn; what each answer was.</summary>
    private static async Task<(FakeFaults Faults, List<string> Answers)> PlayAsync(FakeFaults faults, bool enabled = true)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var upstream = await FakeUpstream.StartAsync(cancellationToken);
        upstream.Faults = faults;
        var corpus = FakeCorpus.Serve(upstream, Tweets);
        faults.Enabled = enabled;
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var answers = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var id in corpus.Ids)
            {
                answers.Add(await AskAsync(client, upstream, new Uri(TweetFetcher.SyndicationUrl(id).ToString()), cancellationToken));
                answers.Add(await AskAsync(client, upstream, new Uri(corpus.ExpectedFiles(id)[0].Url), cancellationToken));
            }
        }

        return (faults, answers);
    }

    private static async Task<string> AskAsync(HttpClient client, FakeUpstream upstream, Uri real, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync($"{upstream.BaseFor(real.Host)}{real.PathAndQuery}", cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body.Length}";
        }
        catch (HttpRequestException e)
        {
            return $"broken: {e.HttpRequestError}";
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions.Articles;
using Archiver.Functions.Downloads;
using Archiver.Recheck;
using Archiver.Sources;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archiver.Tests.Settings;

/// <summary>
/// README's configuration table, set the way users set it: as environment variables, read by the real
/// environment-variables provider. Each key takes effect, and a bad value stops start-up with a message naming it.
/// </summary>
public sealed partial class SettingsTests(AzuriteFixture azurite)
{
    /// <summary>Keys whose effect is seen on the running app by a test of its own below.</summary>
    private static readonly string[] SeenOnTheApp = ["Archiver__ApiKey"];

    public static TheoryData<string> Documented => [.. SettingCases.All.Select(c => c.Documented)];

    [Fact]
    public void ReadmeConfigurationTable_EveryKeyHasACase_Issue13()
    {
        var documented = ReadmeKeys();

        Assert.Empty(documented.Except(SettingCases.All.Select(c => c.Documented)).Except(SeenOnTheApp));
        Assert.Empty(SettingCases.All.Select(c => c.Documented).Except(documented));
        Assert.Equal(SettingCases.All.Length, SettingCases.All.Select(c => c.Documented).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void DocumentedKey_SetAsEnvironmentVariable_TakesEffect_Issue13(string documented)
    {
        var setting = SettingCases.All.Single(c => c.Documented == documented);
        using var configured = Services(EnvironmentSettings.Configuration(setting.Variables));
        using var defaults = Services(new ConfigurationBuilder().Build());

        Assert.Equal(setting.Expected, setting.Observe(configured));
        Assert.NotEqual(setting.Expected, setting.Observe(defaults));
    }

    [Fact]
    public void Intervals_IndexedEnvironmentVariables_ReplaceTheDefaults_Issue13()
    {
        using var provider = Services(EnvironmentSettings.Configuration(new Dictionary<string, string>
        {
            ["Archiver__Recheck__Intervals__0"] = "00:10:00",
            ["Archiver__Recheck__Intervals__1"] = "01:00:00",
        }));

        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)], provider.GetRequiredService<IOptions<StatusPolicyOptions>>().Value.Intervals);
    }

    [Fact]
    public void PartialRetryLists_IndexedEnvironmentVariables_ReplaceTheDefaults_Issue13()
    {
        using var provider = Services(EnvironmentSettings.Configuration(new Dictionary<string, string>
        {
            ["Archiver__Archive__PartialRetryDelays__0"] = "00:00:01",
            ["Archiver__Archive__PartialRetryIntervals__0"] = "00:02:00",
            ["Archiver__Archive__PartialRetryIntervals__1"] = "00:20:00",
        }));

        var options = provider.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        Assert.Equal([TimeSpan.FromSeconds(1)], options.PartialRetryDelays);
        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)], options.PartialRetryIntervals);
    }

    [Theory]
    [InlineData("Archiver__Recheck__Intervals=00:10:00,01:00:00")]
    [InlineData("Archiver__Recheck__Intervals__0=00:10:00|Archiver__Recheck__Intervals__1=01:00:00")]
    public async Task Intervals_EitherForm_ArchivedTweetIsCheckedOnThoseIntervalsOnly_Issue13(string variables)
    {
        await using var s = await ArchiveScenario.StartAsync(azurite, EnvironmentSettings.Read(Variables(variables)));
        var tweet = new FakeTweet { Id = "1313131313131313131", Text = "Harbour lights tonight." };
        s.Upstream.AddTweet(tweet);
        s.Upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), FakeReply.GeneratedBytes(1_000), "image/jpeg");

        var (response, _) = await s.ArchiveAsync($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}");
        var waits = new List<TimeSpan> { await WaitAsync(s, tweet.Id) };
        for (var check = 0; check < 2; check++)
        {
            var recheck = await s.Client.PostAsync($"/api/tweets/{tweet.Id}/recheck", null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, recheck.StatusCode);
            waits.Add(await WaitAsync(s, tweet.Id));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(1)], waits);
    }

    [Fact]
    public async Task ApiKey_SetAsEnvironmentVariable_RequiredOnTheApi_Issue13()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, EnvironmentSettings.Read(new Dictionary<string, string> { ["Archiver__ApiKey"] = "key-13" }));
        using var client = app.Client();

        var without = await client.GetAsync("/api/tweets", TestContext.Current.CancellationToken);
        var with = await client.GetAsync("/api/tweets?code=key-13", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task MaxBodyBytes_RaisedWithMaxInputLength_ArticleAtTheLimitServedOneByteMoreRefusedWithTheLimit_Issue13()
    {
        await using var app = await ArchiverApp.StartAsync(azurite, EnvironmentSettings.Read(new Dictionary<string, string>
        {
            ["Archiver__Articles__MaxBodyBytes"] = "4096",
            ["Archiver__Citations__MaxInputLength"] = "4096",
        }));
        using var client = app.Client();
        var link = "https://x.com/jack/status/20 ";

        var atLimit = await client.PostAsync("/api/extract", new StringContent(link + new string('a', 4096 - link.Length), System.Text.Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        var over = await client.PostAsync("/api/extract", new StringContent(link + new string('a', 4097 - link.Length), System.Text.Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        var body = await ArchiveScenario.BodyAsync(over);
        Assert.Equal("The article is larger than the limit of 4096 bytes.", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("Archiver__Recheck__Intervals=soon", "Archiver:Recheck:Intervals: 'soon' is not a duration")]
    [InlineData("Archiver__Recheck__Intervals=00:10:00,-01:00:00", "Archiver:Recheck:Intervals must hold intervals longer than zero.")]
    [InlineData("Archiver__Recheck__Intervals__0=later", "Archiver:Recheck:Intervals:0")]
    [InlineData("Archiver__Archive__PartialRetryDelays=00:00:01,-00:00:01", "Archiver:Archive:PartialRetryDelays: '-00:00:01' is not a duration of zero or more")]
    [InlineData("Archiver__Archive__PartialRetryIntervals__0=soon", "Archiver:Archive:PartialRetryIntervals:0: 'soon' is not a duration")]
    [InlineData("Archiver__Recheck__ConfirmChecks=0", "The field Archiver:Recheck:ConfirmChecks must be between 1 and 10. Set: '0'.")]
    [InlineData("Archiver__Recheck__ConfirmSpacing=-01:00:00", "The field Archiver:Recheck:ConfirmSpacing must be between 00:00:00 and 365.00:00:00. Set: '-01:00:00'.")]
    [InlineData("Archiver__Recheck__MaxPerRun=0", "The field Archiver:Recheck:MaxPerRun must be between 1 and 100000. Set: '0'.")]
    [InlineData("Archiver__Recheck__MaxPerRun=lots", "Archiver:Recheck:MaxPerRun")]
    [InlineData("Archiver__Recheck__Schedule=every hour", "Archiver:Recheck:Schedule is not an NCRONTAB schedule")]
    [InlineData("Archiver__Recheck__TimeBudget=00:00:00", "The field Archiver:Recheck:TimeBudget must be between 00:00:01 and 1.00:00:00.")]
    [InlineData("Archiver__Notify__WebhookUrl=hooks.example.org", "Archiver:Notify:WebhookUrl must be an absolute http(s) URL")]
    [InlineData("Archiver__Notify__WebhookUrl=ftp://hooks.example.org/", "Archiver:Notify:WebhookUrl must be an absolute http(s) URL")]
    [InlineData("Archiver__Notify__QueueLimit=0", "The field Archiver:Notify:QueueLimit must be between 1 and 1000000. Set: '0'.")]
    [InlineData("Archiver__Notify__RetryBaseDelay=01:00:00", "The field Archiver:Notify:RetryBaseDelay must be between 00:00:00 and 00:10:00. Set: '01:00:00'.")]
    [InlineData("Archiver__Archive__MaxCitations=0", "The field Archiver:Archive:MaxCitations must be between 1 and 100000. Set: '0'.")]
    [InlineData("Archiver__Upstream__MaxRetries=11", "The field Archiver:Upstream:MaxRetries must be between 0 and 10. Set: '11'.")]
    [InlineData("Archiver__Storage__Container=Not_A_Name", "Archiver:Storage:Container must be a valid blob container name")]
    [InlineData("Archiver__Articles__MaxBodyBytes=4096|Archiver__Citations__MaxInputLength=2048",
        "Archiver:Articles:MaxBodyBytes (4096) must not exceed Archiver:Citations:MaxInputLength (2048 characters): raise both together.")]
    public async Task InvalidSetting_StopsStartUpWithAMessageNamingTheKey_Issue13(string variables, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ArchiverApp.StartAsync(azurite, EnvironmentSettings.Read(Variables(variables))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task<TimeSpan> WaitAsync(ArchiveScenario s, string id)
    {
        var view = await s.GetJsonAsync($"/api/tweets/{id}");
        return view.GetProperty("nextCheckAt").GetDateTimeOffset() - view.GetProperty("lastCheckedAt").GetDateTimeOffset();
    }

    private static Dictionary<string, string> Variables(string text) =>
        text.Split('|').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddArchive();
        services.AddRecheck();
        services.AddCitations();
        services.AddArticles();
        services.AddDownloads();
        return services.BuildServiceProvider();
    }

    /// <summary>The keys in the first column of README's configuration table, as README writes them.</summary>
    private static string[] ReadmeKeys()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var table = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var keys = new List<string>();
        foreach (var row in table.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var prefix = "";
            foreach (Match name in KeyName().Matches(row.Split('|')[1]))
            {
                var key = name.Groups[1].Value;
                prefix = key.StartsWith("Archiver__", StringComparison.Ordinal) ? key[..(key.LastIndexOf("__", StringComparison.Ordinal) + 2)] : prefix;
                key = key.StartsWith("Archiver__", StringComparison.Ordinal) ? key : prefix + key;
                keys.AddRange(key.EndsWith('*')
                    ? typeof(UpstreamOptions).GetProperties().Where(p => (prefix + p.Name).StartsWith(key[..^1], StringComparison.Ordinal)).Select(p => prefix + p.Name)
                    : [key]);
            }
        }

        return [.. keys.Distinct()];
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex KeyName();
}

using System.IO.Compression;
using System.Text.Json;
using Archiver.Tests.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Evidence;

/// <summary>
/// The app with the fake upstream and a fake Time-Stamp Authority, one photo tweet served, cited through a chain of
/// short links, and its downloads.
/// </summary>
internal sealed class EvidenceScenario : IAsyncDisposable
{
    public static readonly byte[] PhotoBytes = FakeReply.GeneratedBytes(30_000);
    public static readonly byte[] AvatarBytes = FakeReply.GeneratedBytes(3_000).Reverse().ToArray();

    public static readonly FakeTweet Tweet = new()
    {
        Id = "1788888888888888888",
        Text = "Tide tables for the week, posted at the lifeboat station.",
        ScreenName = "harbour_log",
        Name = "Harbour Log",
        Photos = [new FakePhoto("GLzR4cXYtAAn0Qw", AltText: "A tide table on a noticeboard")],
    };

    private EvidenceScenario(ArchiveScenario archive, FakeTimestampAuthority tsa)
    {
        Archive = archive;
        Tsa = tsa;
    }

    public ArchiveScenario Archive { get; }

    public FakeTimestampAuthority Tsa { get; }

    public static string PhotoUrl => Tweet.Photos[0].SizeUrl("orig");

    public static string SyndicationUrl => Archiver.Sources.TweetFetcher.SyndicationUrl(Tweet.Id).AbsoluteUri;

    /// <summary>The short link the article cites: t.co answers 301 to <see cref="SecondHopUrl"/>.</summary>
    public const string ShortLinkCode = "Td7HopOne1";

    public static string FirstHopUrl => $"https://t.co/{ShortLinkCode}";

    /// <summary>A second t.co link, which answers 200 with a page whose meta refresh names <see cref="ThirdHopUrl"/>.</summary>
    public static string SecondHopUrl => "https://t.co/Td7HopTwo2";

    /// <summary>The status URL on twitter.com, which answers 301 to x.com (where resolution ends, unfetched).</summary>
    public static string ThirdHopUrl => $"https://twitter.com/{Tweet.ScreenName}/status/{Tweet.Id}";

    /// <summary>Where the third hop's 301 points, and the resolution ends: the status URL on x.com.</summary>
    public static string FinalUrl => $"https://x.com/{Tweet.ScreenName}/status/{Tweet.Id}";

    /// <summary>What the second hop answers: t.co's page for browsers, with a body to keep.</summary>
    public static FakeReply SecondHopReply { get; } = FakeReply.MetaRefresh(ThirdHopUrl);

    /// <param name="photo">The photo's bytes and type, when a test needs a real image (a browser shows it).</param>
    /// <param name="configure">Registrations that replace the app's own (a storage client with a fault policy, say).</param>
    public static async Task<EvidenceScenario> StartAsync(
        AzuriteFixture azurite,
        FakeTimestampAuthority.Mode tsaMode = FakeTimestampAuthority.Mode.Up,
        IDictionary<string, string?>? settings = null,
        (byte[] Bytes, string Type)? photo = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var tsa = await FakeTimestampAuthority.StartAsync(TestContext.Current.CancellationToken);
        tsa.Behaviour = tsaMode;
        var all = new Dictionary<string, string?> { ["Archiver:Evidence:TimestampAuthorityUrl"] = tsa.Url.AbsoluteUri };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var archive = await ArchiveScenario.StartAsync(azurite, all, configure);
        archive.Upstream.AddTweet(Tweet);
        archive.Upstream.AddShortLink(ShortLinkCode, SecondHopUrl);
        archive.Upstream.ShortLink(SecondHopUrl[("https://t.co/".Length)..]).Always(SecondHopReply);
        archive.Upstream.AddMedia(PhotoUrl, photo?.Bytes ?? PhotoBytes, photo?.Type ?? "image/jpeg");
        archive.Upstream.AddMedia(Tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), AvatarBytes, "image/jpeg");
        return new EvidenceScenario(archive, tsa);
    }

    /// <summary>Archives an article citing the tweet by its short link and answers the tweet as <c>GET /api/tweets/{id}</c> shows it.</summary>
    public async Task<JsonElement> ArchiveAsync() => (await ArchiveWithSubmissionAsync()).Tweet;

    /// <summary>As <see cref="ArchiveAsync"/>, with the answer to <c>POST /api/archive</c>.</summary>
    public async Task<(JsonElement Submission, JsonElement Tweet)> ArchiveWithSubmissionAsync(string shortLink = ShortLinkCode)
    {
        var (response, body) = await Archive.ArchiveAsync($"Tide tables for the week, as posted: https://t.co/{shortLink}");
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.True("archived" == body.GetProperty("citations")[0].GetProperty("outcome").GetString(), body.ToString());
        return (body, await Archive.GetJsonAsync($"/api/tweets/{Tweet.Id}"));
    }

    public async Task<byte[]> BundleAsync(string query = "")
    {
        var response = await Archive.Client.GetAsync($"/api/tweets/{Tweet.Id}/bundle{query}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A temporary folder for files handed to command-line tools; deleted with the scenario.</summary>
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("archiver-evidence-");

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string RootPemPath()
    {
        var path = Path.Combine(Folder.FullName, "tsa-root.pem");
        File.WriteAllText(path, Tsa.RootPem);
        return path;
    }

    /// <summary>The same ZIP with one entry changed (<paramref name="change"/> returns null to drop it) and maybe one added.</summary>
    public static byte[] Rewrite(byte[] zip, Func<string, byte[], byte[]?> change, (string Name, byte[] Bytes)? add = null)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var rewritten = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var read = entry.Open();
                using var buffer = new MemoryStream();
                read.CopyTo(buffer);
                if (change(entry.FullName, buffer.ToArray()) is { } bytes)
                {
                    var level = entry.CompressedLength == entry.Length ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                    using var write = rewritten.CreateEntry(entry.FullName, level).Open();
                    write.Write(bytes);
                }
            }

            if (add is { } extra)
            {
                using var write = rewritten.CreateEntry(extra.Name).Open();
                write.Write(extra.Bytes);
            }
        }

        return output.ToArray();
    }

    public static byte[] Flip(byte[] bytes, int? at = null)
    {
        var copy = bytes.ToArray();
        copy[at ?? copy.Length / 2] ^= 0x20;
        return copy;
    }

    public static byte[] Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var read = (archive.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the package.")).Open();
        using var buffer = new MemoryStream();
        read.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string[] EntryNames(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    /// <summary>Runs the verify command as README shows it (its built dll), with the fake TSA's root trusted.</summary>
    public async Task<ExternalTool.Result> VerifyAsync(string bundlePath)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var tool = Path.Combine(RepositoryPaths.Root, "tools", "Archiver.Verify", "bin", configuration, "net10.0", "Archiver.Verify.dll");
        return await ExternalTool.RunAsync("dotnet", [tool, bundlePath, "--tsa-cert", RootPemPath()], cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Archive.DisposeAsync();
        await Tsa.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Archiver.Benchmarks.Archiving;
using Archiver.Tests.Fakes;
using Archiver.Tests.Hosting.StandIn;
using Archiver.Tests.Infrastructure;

namespace Archiver.Benchmarks.Downloads;

/// <summary>
/// The <c>downloads</c> verb: the two ways <c>BlobDownloads</c> can answer under the Functions host, measured under the
/// stand-in host on one archived tweet whose photo is <c>--mb</c> MB. <c>Stream</c>: the bundle (and the media file)
/// come through the function. <c>Redirect</c>: the function answers 302 to a SAS URL and the client fetches the blob
/// from storage (a bundle is first built into <c>exports/</c>, once per version). For each: time to the first byte
/// and to the last, the first request apart from the repeats.
/// </summary>
public static class DownloadsBenchmark
{
    public const string Usage = "downloads [--mb 200] [--runs 3]";

    private const long MegaByte = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchmarkArguments.TryParse(Usage, args, new Dictionary<string, (long, long)> { ["--mb"] = (1, 4000), ["--runs"] = (1, 20) }, [], out var arguments, out var error))
        {
            Console.Error.WriteLine($"downloads: {error}");
            return 2;
        }

        return await BenchmarkRun.WithCancellationAsync("downloads", TimeSpan.FromMinutes(30),
            token => MeasureAsync(arguments.Get("--mb", 200) * MegaByte, (int)arguments.Get("--runs", 3), token));
    }

    private static async Task<int> MeasureAsync(long photoBytes, int runs, CancellationToken token)
    {
        Console.WriteLine("starting Azurite (in memory), the fake upstream and two workers under stand-in hosts (publishing first)…");
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var upstream = await FakeUpstream.StartAsync(token);
        var container = $"bench-downloads-{Guid.NewGuid():n}";
        var large = new Dictionary<string, string> { ["Archiver__Upstream__MaxMediaBytes"] = (2 * photoBytes + (1L << 30)).ToString(CultureInfo.InvariantCulture), ["Archiver__Archive__TimeBudget"] = "00:03:00" };
        await using var streaming = await StandInWorker.StartAsync(azurite, upstream, container, large, token);
        await using var redirecting = await StandInWorker.StartAsync(azurite, upstream, container, new Dictionary<string, string>(large) { ["Archiver__Downloads__Mode"] = "Redirect" }, token);

        var tweet = new FakeTweet { Id = "1791000000000000001", Text = "The harbour survey, every frame of it.", Photos = [new FakePhoto("GBenchDl01AAAAA")] };
        upstream.AddTweet(tweet);
        upstream.Url(tweet.Photos[0].SizeUrl("orig")).Always(FakeReply.Generated(photoBytes, "image/jpeg"));
        upstream.AddMedia(tweet.ProfileImageUrl.Replace("_normal", "_400x400", StringComparison.Ordinal), FakeReply.GeneratedBytes(4_000), "image/jpeg");

        Console.WriteLine(Invariant($"archiving a tweet with a {photoBytes / MegaByte} MB photo…"));
        var archive = new HttpRequestMessage(HttpMethod.Post, "/api/archive") { Content = new StringContent($"https://x.com/{tweet.ScreenName}/status/{tweet.Id}", Encoding.UTF8, "text/plain") };
        var (archived, _) = await streaming.InvokeHttpAsync("Archive", archive, null, token);
        if (!archived.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"downloads: archiving failed: {(int)archived.StatusCode} {await archived.Content.ReadAsStringAsync(token)}");
            return 1;
        }

        var routeValues = new Dictionary<string, string> { ["id"] = tweet.Id };
        var (view, _) = await streaming.InvokeHttpAsync("GetTweet", new HttpRequestMessage(HttpMethod.Get, $"/api/tweets/{tweet.Id}"), routeValues, token);
        using var state = JsonDocument.Parse(await view.Content.ReadAsStringAsync(token));
        var file = state.RootElement.GetProperty("latest").GetProperty("files").EnumerateArray().First(f => f.GetProperty("role").GetString() == "media").GetProperty("file").GetString()!;

        var rows = new List<Row>();
        foreach (var (mode, host) in new[] { ("Stream", streaming), ("Redirect", redirecting) })
        {
            foreach (var (what, function, path, values) in new[]
            {
                ("bundle", "GetBundle", $"/api/tweets/{tweet.Id}/bundle", routeValues),
                ("media file", "GetMedia", $"/api/tweets/{tweet.Id}/media/{file}", new Dictionary<string, string>(routeValues) { ["file"] = file }),
            })
            {
                var samples = new List<(TimeSpan First, TimeSpan Last, long Bytes)>();
                for (var run = 0; run <= runs; run++)
                {
                    samples.Add(await DownloadAsync(host, function, path, values, token));
                }

                rows.Add(new Row(mode, what, samples[0], samples.Skip(1).ToArray()));
            }
        }

        Print(rows, photoBytes, runs);
        return 0;
    }

    /// <summary>One download as a client sees it: the request through the stand-in host, then the SAS URL if redirected.</summary>
    private static async Task<(TimeSpan First, TimeSpan Last, long Bytes)> DownloadAsync(StandInHost host, string function, string path, IReadOnlyDictionary<string, string> values, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        var (response, invocation) = await host.InvokeHttpAsync(function, new HttpRequestMessage(HttpMethod.Get, path), values, token);
        if ((int)response.StatusCode == 302)
        {
            using var storage = new HttpClient();
            response = await storage.GetAsync(response.Headers.Location, HttpCompletionOption.ResponseHeadersRead, token);
        }

        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(token);
        var buffer = new byte[81920];
        var read = await body.ReadAsync(buffer, token);
        var first = clock.Elapsed;
        long total = read;
        while ((read = await body.ReadAsync(buffer, token)) > 0)
        {
            total += read;
        }

        var last = clock.Elapsed;
        await invocation;
        return (first, last, total);
    }

    private static void Print(IReadOnlyList<Row> rows, long photoBytes, int runs)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"downloads under the stand-in host: one tweet with a {photoBytes / MegaByte} MB photo; Azurite in memory on loopback; {Environment.ProcessorCount} cores, .NET {Environment.Version}; repeats: median of {runs}"));
        Console.WriteLine();
        Console.WriteLine("| mode | download | size | first request: first byte / last byte | repeats: first byte / last byte |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var firstBytes = row.Repeats.Select(r => r.First).Order().ToArray();
            var lastBytes = row.Repeats.Select(r => r.Last).Order().ToArray();
            Console.WriteLine(Invariant(
                $"| {row.Mode} | {row.What} | {row.First.Bytes / 1e6:0.0} MB | {Ms(row.First.First)} / {Ms(row.First.Last)} | {Ms(firstBytes[firstBytes.Length / 2])} / {Ms(lastBytes[lastBytes.Length / 2])} |"));
        }
    }

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(string Mode, string What, (TimeSpan First, TimeSpan Last, long Bytes) First, (TimeSpan First, TimeSpan Last, long Bytes)[] Repeats);
}

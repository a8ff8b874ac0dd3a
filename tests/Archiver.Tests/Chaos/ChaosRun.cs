using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Archive;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Chaos;

/// <summary>
/// Issue 11's chaos scenario against the real app (standalone, on Azurite, the fake upstream on loopback): archive every
/// tweet of a <see cref="FakeCorpus"/> under seeded faults, run three re-check rounds under the same faults, audit the
/// archive, then make real changes upstream (an edit, a photo removed, a deletion), run the rounds that should record
/// them, and audit again. The clock is a <see cref="ShiftedTimeProvider"/>: the schedule's hours pass at once, while
/// retries and timeouts (tenths of a second here) run in real time. Shared by the chaos test and the <c>chaos</c> benchmark.
/// </summary>
public sealed class ChaosRun : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The waits before the three re-check rounds: the first three re-check intervals, so every tweet is due.</summary>
    private static readonly TimeSpan[] Rounds = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1)];

    /// <summary>
    /// After the changes: the fourth interval, then hourly rounds: a deletion needs two answers an hour apart, and under
    /// faults some answers are lost.
    /// </summary>
    private static readonly TimeSpan[] ChangeRounds = [TimeSpan.FromDays(7), .. Enumerable.Repeat(TimeSpan.FromMinutes(61), 4)];

    /// <summary>After each archive request or round, the timer fires this often, this far apart: retries of partial captures.</summary>
    private const int SettleSteps = 6;
    private static readonly TimeSpan SettleStep = TimeSpan.FromMinutes(5);

    private readonly HttpClient client;

    private ChaosRun(FakeUpstream upstream, FakeCorpus corpus, ArchiverApp app, ShiftedTimeProvider clock, AzuriteFixture azurite)
    {
        Upstream = upstream;
        Corpus = corpus;
        App = app;
        Clock = clock;
        Inspector = new ChaosInspector(app.Services.GetRequiredService<ArchiveStore>(), azurite.CreateServiceClient().GetBlobContainerClient(app.ContainerName), corpus);
        client = app.Client();
    }

    public FakeUpstream Upstream { get; }

    public FakeCorpus Corpus { get; }

    public ArchiverApp App { get; }

    public ShiftedTimeProvider Clock { get; }

    public ChaosInspector Inspector { get; }

    /// <summary>Starts the fake upstream (faults off), serves <paramref name="tweets"/> generated tweets, starts the app.</summary>
    public static async Task<ChaosRun> StartAsync(AzuriteFixture azurite, int tweets = 40, int seed = 11, double rate = 0.3, CancellationToken cancellationToken = default)
    {
        var upstream = await FakeUpstream.StartAsync(cancellationToken);
        upstream.Faults = new FakeFaults { Seed = seed, Rate = rate, Stall = TimeSpan.FromSeconds(3), RetryAfter = TimeSpan.FromSeconds(1) };
        var corpus = FakeCorpus.Serve(upstream, tweets);
        var clock = new ShiftedTimeProvider(Start);
        var settings = upstream.Settings(new Dictionary<string, string?>
        {
            // The run fires RecheckLinks itself, as the host would; the standalone scheduler stays out of the way.
            ["Archiver:Recheck:Schedule"] = "0 0 0 1 1 *",
            // Stalls last longer than an attempt may; retries keep their tiny base delay; a Retry-After is waited up to
            // 2 s (the fake's short ones, 1 s, are waited; its long ones, 2 min, are not).
            ["Archiver:Upstream:AttemptTimeout"] = "00:00:00.400",
            ["Archiver:Upstream:MaxRetryAfter"] = "00:00:02",
            ["Archiver:Upstream:RequestsPerSecondPerHost"] = "0",
            ["Archiver:Upstream:BreakerBreakDuration"] = "00:00:02",
            // Each injected fault would be logged (retries, timeouts, failed downloads): that is noise here, and costly on a busy machine.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Polly"] = "None",
        });
        var app = await ArchiverApp.StartAsync(azurite, settings, services => services.AddSingleton<TimeProvider>(clock));
        return new ChaosRun(upstream, corpus, app, clock, azurite);
    }

    /// <summary>The whole scenario, with faults on from the first request to the last.</summary>
    public async Task<ChaosReport> RunAsync(CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        Upstream.Faults.Enabled = true;
        var outcomes = await ArchiveAsync(Corpus.Article(), cancellationToken);
        await SettleAsync(cancellationToken);
        var archived = wall.Elapsed;
        foreach (var wait in Rounds)
        {
            await RoundAsync(wait, cancellationToken);
        }

        var rechecked = wall.Elapsed;
        var afterRechecks = await Inspector.AuditAsync(Corpus.Ids, null, cancellationToken);

        var changes = MakeChanges();
        foreach (var wait in ChangeRounds)
        {
            await RoundAsync(wait, cancellationToken);
        }

        var afterChanges = await Inspector.AuditAsync([.. Corpus.Ids, changes.EditId], changes, cancellationToken);
        Upstream.Faults.Enabled = false;
        return new ChaosReport
        {
            Tweets = Corpus.Ids.Count,
            Seed = Upstream.Faults.Seed,
            Requests = Upstream.Faults.Eligible,
            Faults = Upstream.Faults.Injected,
            Outcomes = outcomes,
            AfterRechecks = afterRechecks,
            AfterChanges = afterChanges,
            Wall = wall.Elapsed,
            Phases = [("archiving", archived), ("three re-check rounds", rechecked - archived), ("changes and their rounds", wall.Elapsed - rechecked)],
        };
    }

    /// <summary>An edit of a video tweet, the second photo taken off a tweet with two, a GIF tweet deleted.</summary>
    private ChaosChanges MakeChanges()
    {
        var ids = Corpus.Ids;
        var edited = ids[2];
        var editId = (long.Parse(edited, CultureInfo.InvariantCulture) + (4_194_304L * 7)).ToString(CultureInfo.InvariantCulture);
        const string EditText = "Correction: the water at the quay is falling again; crews are standing down.";
        Corpus.Edit(edited, editId, EditText);
        var photos = Corpus.RemovePhoto(ids[1], Corpus[ids[1]].Photos.Count - 1).Photos.Count;
        Corpus.Delete(ids[3]);
        return new ChaosChanges(edited, editId, EditText, ids[1], photos, ids[3]);
    }

    /// <summary>Archives the article and counts the outcome of each citation in the answer.</summary>
    private async Task<IReadOnlyDictionary<string, int>> ArchiveAsync(string article, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync("/api/archive", new StringContent(article, Encoding.UTF8, "text/plain"), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
        {
            throw new InvalidOperationException($"POST /api/archive answered {(int)response.StatusCode}: {text}");
        }

        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("citations").EnumerateArray()
            .GroupBy(c => c.GetProperty("outcome").GetString() ?? "null")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Moves the clock by <paramref name="wait"/>, fires the timer, then lets the short retry schedule run.</summary>
    private async Task RoundAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Clock.Advance(wait);
        await FireTimerAsync(cancellationToken);
        await SettleAsync(cancellationToken);
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < SettleSteps; i++)
        {
            Clock.Advance(SettleStep);
            await FireTimerAsync(cancellationToken);
        }
    }

    /// <summary>RecheckLinks fired on demand, as an administrator or the host would.</summary>
    private async Task FireTimerAsync(CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync("/admin/functions/RecheckLinks", null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /admin/functions/RecheckLinks answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await App.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}

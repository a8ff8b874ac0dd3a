using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Archiver.Tests.Fakes;

/// <summary>
/// Seeded random failures of the fake upstream's tweet and media hosts (<see cref="FakeUpstream.Faults"/>): while
/// <see cref="Enabled"/>, each request to syndication, oEmbed, FxTwitter, <c>pbs.twimg.com</c> or <c>video.twimg.com</c>
/// fails with probability <see cref="Rate"/> in one of the ways its kind of answer can fail (<see cref="JsonKinds"/>,
/// <see cref="MediaKinds"/>). Whether the n-th request to one URL fails, and how, depends only on the seed, the URL and
/// n, never on the order in which concurrent requests arrive, so a run is repeatable.
/// </summary>
public sealed class FakeFaults
{
    /// <summary>How a JSON endpoint fails.</summary>
    public static readonly IReadOnlyList<FakeFaultKind> JsonKinds =
    [
        FakeFaultKind.RateLimited, FakeFaultKind.ServiceUnavailable, FakeFaultKind.ConnectionReset, FakeFaultKind.Stall,
        FakeFaultKind.CutOffJson, FakeFaultKind.HtmlForJson, FakeFaultKind.EmptyJson,
    ];

    /// <summary>How a media host fails.</summary>
    public static readonly IReadOnlyList<FakeFaultKind> MediaKinds =
    [
        FakeFaultKind.RateLimited, FakeFaultKind.ServiceUnavailable, FakeFaultKind.ConnectionReset, FakeFaultKind.Stall,
        FakeFaultKind.TruncatedMedia, FakeFaultKind.HtmlForMedia,
    ];

    private static readonly FakeReply HtmlPage = FakeReply.Html(
        "<!DOCTYPE html><html><head><title>X</title></head><body><p>Something went wrong, but don't fret. Let's give it another shot.</p></body></html>");

    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
    private readonly int[] injected = new int[Enum.GetValues<FakeFaultKind>().Length];
    private readonly ConcurrentQueue<FakeFaultInjection> injections = new();
    private volatile bool enabled;
    private int eligible;

    /// <summary>Whether requests are failed at all (off by default: the fake then answers as programmed).</summary>
    public bool Enabled { get => enabled; set => enabled = value; }

    public int Seed { get; init; } = 11;

    /// <summary>The share of eligible requests that fail.</summary>
    public double Rate { get; init; } = 0.3;

    /// <summary>How long a stalled request waits before it would answer (longer than the client's attempt timeout).</summary>
    public TimeSpan Stall { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>Retry-After</c> half of the 429s carry: short, so a client waits it and tries again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Retry-After</c> the other half carry: longer than a client waits within one call.</summary>
    public TimeSpan LongRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Requests that arrived while enabled at a host the faults apply to.</summary>
    public int Eligible => Volatile.Read(ref eligible);

    /// <summary>Requests failed so far, by kind (every kind listed, 0 when none).</summary>
    public IReadOnlyDictionary<FakeFaultKind, int> Injected =>
        Enum.GetValues<FakeFaultKind>().ToDictionary(kind => kind, kind => Volatile.Read(ref injected[(int)kind]));

    public int InjectedTotal => Injected.Values.Sum();

    /// <summary>Every failure injected, in arrival order.</summary>
    public IReadOnlyList<FakeFaultInjection> Injections => [.. injections];

    /// <summary>The answer to give instead of <paramref name="reply"/>, or <paramref name="reply"/> itself.</summary>
    internal FakeReply Apply(string host, string path, string pathAndQuery, FakeReply reply)
    {
        if (!enabled)
        {
            return reply;
        }

        var kinds = KindsFor(host, path);
        if (kinds is null)
        {
            return reply;
        }

        Interlocked.Increment(ref eligible);
        var key = $"{host}{pathAndQuery}";
        var attempt = attempts.AddOrUpdate(key, 0, (_, n) => n + 1);
        var (roll, pick) = Draw(key, attempt);
        if (roll >= Rate)
        {
            return reply;
        }

        var kind = kinds[(int)(pick % (ulong)kinds.Count)];
        Interlocked.Increment(ref injected[(int)kind]);
        injections.Enqueue(new FakeFaultInjection($"https://{key}", attempt, kind));
        return Fail(kind, (pick >> 32) % 2 == 0, reply);
    }

    private static IReadOnlyList<FakeFaultKind>? KindsFor(string host, string path) => host switch
    {
        "cdn.syndication.twimg.com" when path == "/tweet-result" => JsonKinds,
        "publish.twitter.com" or "publish.x.com" when path == "/oembed" => JsonKinds,
        "api.fxtwitter.com" => JsonKinds,
        "pbs.twimg.com" or "video.twimg.com" => MediaKinds,
        _ => null,
    };

    private FakeReply Fail(FakeFaultKind kind, bool shortWait, FakeReply reply) => kind switch
    {
        FakeFaultKind.RateLimited => FakeReply.TooManyRequests(shortWait ? RetryAfter : LongRetryAfter),
        FakeFaultKind.ServiceUnavailable => FakeReply.ServerError(503),
        FakeFaultKind.ConnectionReset => FakeReply.ConnectionReset,
        FakeFaultKind.Stall => reply.After(Stall),
        // A redirect or an empty answer has no body to cut: it breaks off instead.
        FakeFaultKind.CutOffJson => reply.Body.Length > 1 ? reply with { Body = reply.Body[..(reply.Body.Length / 2)] } : FakeReply.ConnectionReset,
        FakeFaultKind.HtmlForJson or FakeFaultKind.HtmlForMedia => HtmlPage,
        FakeFaultKind.EmptyJson => FakeReply.EmptyObject,
        FakeFaultKind.TruncatedMedia => reply.Body.Length > 1
            ? reply with { Body = reply.Body[..(reply.Body.Length / 2)], DeclaredLength = reply.Body.Length, Chunked = false }
            : FakeReply.ConnectionReset,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fault kind."),
    };

    /// <summary>Two numbers drawn for the n-th request to one URL: the roll in [0, 1) and the pick of a kind.</summary>
    private (double Roll, ulong Pick) Draw(string key, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}\n{key}\n{attempt}"));
        var roll = (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
        return (roll, BinaryPrimitives.ReadUInt64LittleEndian(hash.AsSpan(8)));
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Archiver.Evidence;
using Archiver.Recheck;
using Archiver.Tests.Fakes;
using Archiver.Tests.Infrastructure;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Archiver.Tests.Evidence;

/// <summary>RFC 3161 timestamps of new snapshots, end to end: the app, Azurite, the fake upstream and a fake TSA on loopback.</summary>
public sealed class TimestampArchiveTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Archive_AuthorityUp_SnapshotTimestampedTokenBesideItListedInState()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);

        var tweet = await s.ArchiveAsync();

        var version = tweet.GetProperty("versions")[0];
        var name = version.GetProperty("version").GetString()!;
        var timestamp = version.GetProperty("timestamp");
        Assert.Equal("timestamped", version.GetProperty("timestampStatus").GetString());
        Assert.Equal($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.tsr", timestamp.GetProperty("blob").GetString());
        Assert.Equal(s.Tsa.Url.AbsoluteUri, timestamp.GetProperty("authority").GetString());
        Assert.Equal("CN=Archiver Test TSA", timestamp.GetProperty("signer").GetString());
        var snapshot = await s.Archive.BlobBytesAsync($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.json");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(snapshot)), timestamp.GetProperty("snapshotSha256").GetString());
        var token = await s.Archive.BlobBytesAsync(timestamp.GetProperty("blob").GetString()!);
        var verified = TimestampVerifier.Verify(token, SHA256.HashData(snapshot), [s.Tsa.Root]);
        Assert.True(verified.Valid, verified.Detail);
        Assert.Equal(timestamp.GetProperty("genTime").GetDateTimeOffset(), verified.GenTime);
        Assert.Empty(await s.Archive.BlobNamesAsync("timestamps/pending/"));

        var openssl = await ExternalTool.RunAsync("openssl",
            ["ts", "-verify", "-in", s.Write("snapshot.tsr", token), "-data", s.Write("snapshot.json", snapshot), "-CAfile", s.RootPemPath()],
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(openssl.ExitCode == 0 && openssl.Output.Contains("Verification: OK"), openssl.ToString());
    }

    [Theory]
    [InlineData(FakeTimestampAuthority.Mode.Down)]
    [InlineData(FakeTimestampAuthority.Mode.Garbage)]
    public async Task Archive_AuthorityFailing_ArchivedNotYetTimestampedThenTheTimerStampsIt(FakeTimestampAuthority.Mode mode)
    {
        await using var s = await EvidenceScenario.StartAsync(azurite, mode, new Dictionary<string, string?> { ["Archiver:Recheck:Schedule"] = "0 0 0 1 1 *" });

        var tweet = await s.ArchiveAsync();

        var version = tweet.GetProperty("versions")[0];
        var name = version.GetProperty("version").GetString()!;
        Assert.Equal("not yet timestamped", version.GetProperty("timestampStatus").GetString());
        Assert.True(!version.TryGetProperty("timestamp", out var none) || none.ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal(1, s.Tsa.Requests);
        Assert.Equal([$"timestamps/pending/{EvidenceScenario.Tweet.Id}/{name}"], await s.Archive.BlobNamesAsync("timestamps/"));
        Assert.DoesNotContain($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.tsr", await s.Archive.BlobNamesAsync("tweets/"));

        // Still failing: the run goes on, the snapshot keeps waiting.
        var failed = await s.Archive.App.Services.GetRequiredService<RecheckRun>().RunAsync(null, TestContext.Current.CancellationToken);
        Assert.Equal(0, failed.Timestamped);
        Assert.Equal(2, s.Tsa.Requests);

        s.Tsa.Behaviour = FakeTimestampAuthority.Mode.Up;
        var summary = await s.Archive.App.Services.GetRequiredService<RecheckRun>().RunAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Timestamped);
        Assert.Contains("1 snapshot(s) timestamped", summary.ToString());
        var after = (await s.Archive.GetJsonAsync($"/api/tweets/{EvidenceScenario.Tweet.Id}")).GetProperty("versions")[0];
        Assert.Equal("timestamped", after.GetProperty("timestampStatus").GetString());
        Assert.Empty(await s.Archive.BlobNamesAsync("timestamps/"));
        var snapshot = await s.Archive.BlobBytesAsync($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.json");
        var token = await s.Archive.BlobBytesAsync($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.tsr");
        Assert.True(TimestampVerifier.Verify(token, SHA256.HashData(snapshot), [s.Tsa.Root]).Valid);
    }

    [Fact]
    public async Task Archive_StateWriteFailsAfterTheToken_TheRetryListsTheStoredTokenNotANewReply_Issue11()
    {
        var crash = new FailStateWriteAfter(m => m.Request.Uri.Path.EndsWith(".tsr", StringComparison.Ordinal));
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        options.AddPolicy(crash, HttpPipelinePosition.PerCall);
        await using var s = await EvidenceScenario.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Archiver:Recheck:Schedule"] = "0 0 0 1 1 *" },
            configure: services => services.AddSingleton(new BlobServiceClient(azurite.ConnectionString, options)));

        var tweet = await s.ArchiveAsync();

        var name = tweet.GetProperty("versions")[0].GetProperty("version").GetString()!;
        Assert.Equal("not yet timestamped", tweet.GetProperty("versions")[0].GetProperty("timestampStatus").GetString());
        var tokenBlob = $"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.tsr";
        var kept = await s.Archive.BlobBytesAsync(tokenBlob);

        var summary = await s.Archive.App.Services.GetRequiredService<RecheckRun>().RunAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Timestamped);
        Assert.Equal(2, s.Tsa.Requests);
        Assert.Equal(kept, await s.Archive.BlobBytesAsync(tokenBlob));
        var timestamp = (await s.Archive.GetJsonAsync($"/api/tweets/{EvidenceScenario.Tweet.Id}")).GetProperty("versions")[0].GetProperty("timestamp");
        Assert.True(Rfc3161TimestampToken.TryDecode(TimestampVerifier.TokenOf(kept)!, out var token, out _));
        Assert.Equal(Convert.ToHexStringLower(token.TokenInfo.GetSerialNumber().Span), timestamp.GetProperty("serial").GetString());
        Assert.Equal(token.TokenInfo.Timestamp, timestamp.GetProperty("genTime").GetDateTimeOffset());
        Assert.Empty(await s.Archive.BlobNamesAsync("timestamps/pending/"));
    }

    [Fact]
    public async Task Archive_NoAuthorityConfigured_NothingAskedNothingPending()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Archiver:Evidence:TimestampAuthorityUrl"] = null });

        var tweet = await s.ArchiveAsync();

        Assert.Equal("not yet timestamped", tweet.GetProperty("versions")[0].GetProperty("timestampStatus").GetString());
        Assert.Equal(0, s.Tsa.Requests);
        Assert.Empty(await s.Archive.BlobNamesAsync("timestamps/"));
    }

    [Fact]
    public async Task Archive_EveryExchangeKeptWithRequestAndResponseHeadersOnTheRealHost()
    {
        await using var s = await EvidenceScenario.StartAsync(azurite);

        var tweet = await s.ArchiveAsync();

        var name = tweet.GetProperty("versions")[0].GetProperty("version").GetString()!;
        var snapshotBytes = await s.Archive.BlobBytesAsync($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.json");
        var text = Encoding.UTF8.GetString(snapshotBytes);
        // The host map's loopback address is how the test reaches the fake; the record names the real host only.
        Assert.DoesNotContain("127.0.0.1", text);
        using var snapshot = System.Text.Json.JsonDocument.Parse(snapshotBytes);
        var syndication = snapshot.RootElement.GetProperty("sources").EnumerateArray().First(x => x.GetProperty("source").GetString() == "syndication");
        var http = syndication.GetProperty("http");
        Assert.Equal("GET", http.GetProperty("method").GetString());
        Assert.Equal(EvidenceScenario.SyndicationUrl, http.GetProperty("url").GetString());
        Assert.Equal(200, http.GetProperty("status").GetInt32());
        Assert.Equal("HTTP/1.1", http.GetProperty("httpVersion").GetString());
        var sent = http.GetProperty("requestHeaders").EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString()!);
        Assert.Equal("cdn.syndication.twimg.com", sent["Host"]);
        Assert.Contains("Archiver", sent["User-Agent"]);
        Assert.True(sent.ContainsKey("Accept-Encoding"), string.Join("; ", sent));
        Assert.Contains("gzip", sent["Accept-Encoding"]);
        var received = http.GetProperty("responseHeaders").EnumerateArray().Select(h => h.GetProperty("name").GetString()!).ToList();
        Assert.Contains("Content-Type", received);
        Assert.Contains("Date", received);
        var photo = snapshot.RootElement.GetProperty("files").EnumerateArray().First(f => f.GetProperty("role").GetString() == "media");
        Assert.Equal(EvidenceScenario.PhotoUrl, photo.GetProperty("http").GetProperty("url").GetString());
        Assert.Contains(photo.GetProperty("http").GetProperty("responseHeaders").EnumerateArray(), h => h.GetProperty("name").GetString() == "Content-Type" && h.GetProperty("value").GetString() == "image/jpeg");
    }

    /// <summary>
    /// A partial capture is dated, then completed by a fuller one that is dated too: both tokens stay listed (the earlier
    /// under <c>captureTimestamps</c>), travel in both bundle formats, and verify checks each against its own snapshot.
    /// </summary>
    [Fact]
    public async Task Archive_PartialTimestampedThenCompleted_BothTokensListedBundledAndVerified_Issue15()
    {
        // No retries within a call: the rich sources fail once, so the first capture is oEmbed's (partial) and the
        // immediate retry of the partial capture completes it.
        await using var s = await EvidenceScenario.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Archiver:Upstream:MaxRetries"] = "0" });
        s.Archive.Upstream.Syndication(EvidenceScenario.Tweet.Id).Then(FakeReply.ServerError(503));
        s.Archive.Upstream.FxTwitter(EvidenceScenario.Tweet.Id).Then(FakeReply.ServerError(503));

        var tweet = await s.ArchiveAsync();

        var version = Assert.Single(tweet.GetProperty("versions").EnumerateArray());
        var name = version.GetProperty("version").GetString()!;
        var earlier = Assert.Single(version.GetProperty("captures").EnumerateArray()).GetString()!;
        Assert.Equal(2, s.Tsa.Requests);
        Assert.Equal($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{name}.tsr", version.GetProperty("timestamp").GetProperty("blob").GetString());
        var earlierStamp = version.GetProperty("captureTimestamps").GetProperty(earlier);
        Assert.Equal($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{earlier}.tsr", earlierStamp.GetProperty("blob").GetString());
        var earlierSnapshot = await s.Archive.BlobBytesAsync($"tweets/{EvidenceScenario.Tweet.Id}/snapshots/{earlier}.json");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(earlierSnapshot)), earlierStamp.GetProperty("snapshotSha256").GetString());
        var earlierToken = await s.Archive.BlobBytesAsync(earlierStamp.GetProperty("blob").GetString()!);
        Assert.True(TimestampVerifier.Verify(earlierToken, SHA256.HashData(earlierSnapshot), [s.Tsa.Root]).Valid);
        Assert.Empty(await s.Archive.BlobNamesAsync("timestamps/pending/"));

        var zip = await s.BundleAsync();
        var wacz = await s.BundleAsync("?format=wacz");

        var sums = Encoding.UTF8.GetString(EvidenceScenario.Entry(zip, "SHA256SUMS"));
        Assert.Contains($"  snapshots/{earlier}.tsr\n", sums);
        Assert.Contains($"  snapshots/{name}.tsr\n", sums);
        using var manifest = System.Text.Json.JsonDocument.Parse(EvidenceScenario.Entry(zip, "manifest.json"));
        var timestamps = manifest.RootElement.GetProperty("timestamps").EnumerateArray().ToList();
        Assert.Equal([$"snapshots/{earlier}.json", $"snapshots/{name}.json"], timestamps.Select(t => t.GetProperty("snapshot").GetString()));
        Assert.Equal([$"snapshots/{earlier}.tsr", $"snapshots/{name}.tsr"], timestamps.Select(t => t.GetProperty("token").GetString()));
        Assert.All(timestamps, t => Assert.Equal(name, t.GetProperty("version").GetString()));
        Assert.Equal(earlierStamp.GetProperty("snapshotSha256").GetString(), timestamps[0].GetProperty("snapshotSha256").GetString());
        var waczNames = EvidenceScenario.EntryNames(wacz);
        Assert.Contains($"archiver/snapshots/{earlier}.json", waczNames);
        Assert.Contains($"archiver/snapshots/{earlier}.tsr", waczNames);
        Assert.Equal(earlierToken, EvidenceScenario.Entry(wacz, $"archiver/snapshots/{earlier}.tsr"));

        foreach (var (file, prefix) in new[] { ("tweet.zip", "snapshots/"), ("tweet.wacz", "archiver/snapshots/") })
        {
            var bundle = file.EndsWith(".zip", StringComparison.Ordinal) ? zip : wacz;
            var whole = await s.VerifyAsync(s.Write(file, bundle));
            Assert.True(whole.ExitCode == 0, whole.ToString());
            Assert.Equal(2, whole.Output.Split('\n').Count(l => l.StartsWith("ok", StringComparison.Ordinal) && l.Contains("timestamp token", StringComparison.Ordinal) && l.Contains("signature, hash and chain hold", StringComparison.Ordinal)));
            Assert.Contains(whole.Output.Split('\n'), l => l.Contains($"{prefix}{earlier}.json", StringComparison.Ordinal) && l.Contains("timestamp token", StringComparison.Ordinal));

            var tampered = EvidenceScenario.Rewrite(bundle, (entry, bytes) => entry == $"{prefix}{earlier}.tsr" ? EvidenceScenario.Flip(bytes, bytes.Length - 300) : bytes);
            var run = await s.VerifyAsync(s.Write("tampered-" + file, tampered));
            Assert.True(run.ExitCode == 1, run.ToString());
            var failures = run.Output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
            Assert.Contains(failures, l => l.Contains($"{prefix}{earlier}.tsr", StringComparison.Ordinal));
            Assert.Contains(failures, l => l.Contains($"{prefix}{earlier}.json", StringComparison.Ordinal) && l.Contains("timestamp token", StringComparison.Ordinal));
            Assert.DoesNotContain(failures, l => l.Contains($"{prefix}{name}.json", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Set-Cookie", "guest_id=v1%3A123; Domain=.x.com")]
    [InlineData("Authorization", "Bearer AAAA")]
    [InlineData("cookie", "auth_token=secret")]
    public void HeaderField_Secret_ValueReplacedNameKept(string name, string value)
    {
        var field = HeaderField.Redacted(name, value);

        Assert.Equal(name, field.Name);
        Assert.Equal("(removed by Archiver)", field.Value);
    }
}

using Archiver.Archive;
using Azure;
using Microsoft.Extensions.Options;

namespace Archiver.Recheck;

/// <summary>
/// Re-checks one archived tweet under a claim: the claim is written into its state with an ETag condition, so two runs
/// (overlapping timers, several instances, an on-demand re-check) never work on the same tweet at once; a claim whose
/// holder died expires after <see cref="RecheckOptions.ClaimLifetime"/>.
/// </summary>
internal sealed class TweetRechecker(ArchiveStore store, TweetArchiver archiver, IOptions<RecheckOptions> options, TimeProvider time)
{
    /// <summary>Re-checks the tweet unless it is not archived or someone else holds it right now.</summary>
    /// <param name="onlyIfDue">For scheduled runs: skip a tweet that another run has checked since it was found due.</param>
    public async Task<RecheckResult> RecheckAsync(string tweetId, bool onlyIfDue, CancellationToken cancellationToken)
    {
        var stored = await store.ReadStateAsync(tweetId, cancellationToken);
        if (stored is null)
        {
            return RecheckResult.NotArchived;
        }

        var now = time.GetUtcNow();
        if (stored.Value.ClaimedUntil is { } until && until > now)
        {
            return RecheckResult.Busy(until);
        }

        if (onlyIfDue && stored.Value.NextCheckAt > now)
        {
            return RecheckResult.NotDue;
        }

        var claimId = Guid.NewGuid().ToString("n");
        var claim = stored.Value with { ClaimId = claimId, ClaimedUntil = now + options.Value.ClaimLifetime };
        Stored<TweetState> claimed;
        try
        {
            claimed = new Stored<TweetState>(claim, await store.WriteStateAsync(claim, stored.ETag, cancellationToken));
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Claimed by someone else between the read and the write: theirs holds at most this long.
            return RecheckResult.Busy(now + options.Value.ClaimLifetime);
        }

        try
        {
            // The check's own state write releases the claim.
            var capture = await archiver.CheckAsync(claimed, cancellationToken);
            return new RecheckResult(RecheckStatus.Checked, capture);
        }
        catch
        {
            // Release only our own claim; the state written meanwhile is kept as it is.
            await store.UpdateStateAsync(tweetId, state => state is not null && state.ClaimId == claimId
                ? state with { ClaimId = null, ClaimedUntil = null }
                : state!, CancellationToken.None);
            throw;
        }
    }
}

public enum RecheckStatus
{
    Checked,
    Busy,
    NotArchived,
    /// <summary>Checked by someone else since it was found due.</summary>
    NotDue,
}

/// <summary>What a re-check did.</summary>
public sealed record RecheckResult(RecheckStatus Status, TweetCapture? Capture)
{
    /// <summary>Busy: when the claim that holds the tweet expires at the latest.</summary>
    public DateTimeOffset? BusyUntil { get; init; }

    public static RecheckResult Busy(DateTimeOffset until) => new(RecheckStatus.Busy, null) { BusyUntil = until };

    public static readonly RecheckResult NotArchived = new(RecheckStatus.NotArchived, null);

    public static readonly RecheckResult NotDue = new(RecheckStatus.NotDue, null);
}

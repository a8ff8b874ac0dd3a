namespace Archiver.Archive;

/// <summary>
/// The tweet whose state a check writes, what it last read or wrote of that state (a check that writes it more than
/// once moves this on), and the claim to release with its last write.
/// </summary>
internal sealed record StateScope(string TweetId, LastRead<TweetState> LastRead, string? ClaimId)
{
    /// <summary>No state was there when the check began: its check log does not exist yet either.</summary>
    public bool IsFirstCheck { get; init; } = LastRead.Stored is null;

    public TweetState? Current => LastRead.Stored?.Value;
}

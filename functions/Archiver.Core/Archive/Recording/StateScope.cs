namespace Archiver.Archive;

/// <summary>The tweet whose state a check writes, what it last read of that state, and the claim to release with the write.</summary>
internal sealed record StateScope(string TweetId, LastRead<TweetState> LastRead, string? ClaimId)
{
    /// <summary>No state was there when the check began: its check log does not exist yet either.</summary>
    public bool IsFirstCheck => LastRead.Stored is null;

    public TweetState? Current => LastRead.Stored?.Value;
}

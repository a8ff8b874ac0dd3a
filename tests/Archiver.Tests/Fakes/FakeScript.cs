namespace Archiver.Tests.Fakes;

/// <summary>
/// What one fake route answers: queued replies first (each used once), then the standing reply, then the route's
/// default behaviour (the programmed tweet, short link or media).
/// </summary>
public sealed class FakeScript
{
    private readonly Lock gate = new();
    private readonly Queue<FakeReply> queued = new();
    private FakeReply? always;

    /// <summary>Answer <paramref name="reply"/> to the next <paramref name="times"/> requests.</summary>
    public FakeScript Then(FakeReply reply, int times = 1)
    {
        lock (gate)
        {
            for (var i = 0; i < times; i++)
            {
                queued.Enqueue(reply);
            }
        }

        return this;
    }

    /// <summary>Answer <paramref name="reply"/> once the queued replies are used up.</summary>
    public FakeScript Always(FakeReply reply)
    {
        lock (gate)
        {
            always = reply;
        }

        return this;
    }

    internal FakeReply? Take()
    {
        lock (gate)
        {
            return queued.TryDequeue(out var reply) ? reply : always;
        }
    }
}

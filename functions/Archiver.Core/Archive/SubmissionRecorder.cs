using System.Threading.Channels;

namespace Archiver.Archive;

/// <summary>
/// Stores citation results into a submission as they come, through one writer: results that arrive while a write is
/// in flight go out together in the next one, and each write goes over the ETag of the last, with no read before it.
/// Should anyone else have written meanwhile (the timer finishing the same submission), their version is read and
/// every result recorded here is applied to it again. Many citations finishing at once thus cost a few writes, never
/// a storm of read-modify-write races.
/// </summary>
internal sealed class SubmissionRecorder
{
    private readonly ArchiveStore store;
    private readonly Channel<(int Index, CitationResult Result)> arrivals =
        Channel.CreateUnbounded<(int, CitationResult)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Every result recorded so far, by citation index; only the writer touches it.</summary>
    private readonly Dictionary<int, CitationResult> recorded = [];
    private readonly Task writer;
    private Stored<Submission> last;

    public SubmissionRecorder(ArchiveStore store, Stored<Submission> stored, CancellationToken cancellationToken)
    {
        this.store = store;
        last = stored;
        writer = WriteAsync(cancellationToken);
    }

    public Submission Submission => last.Value;

    public void Record(int index, CitationResult result) => arrivals.Writer.TryWrite((index, result));

    /// <summary>Waits for every recorded result to be stored, then writes once more with <paramref name="finish"/> applied.</summary>
    public async Task<Submission> CompleteAsync(Func<Submission, Submission> finish, CancellationToken cancellationToken)
    {
        arrivals.Writer.TryComplete();
        await writer;
        last = await store.UpdateSubmissionAsync(last.Value.Id, s => finish(Apply(s)), cancellationToken, last);
        return last.Value;
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        // Yield first, so that the constructor returns before any storage call.
        await Task.Yield();
        while (await arrivals.Reader.WaitToReadAsync(cancellationToken))
        {
            while (arrivals.Reader.TryRead(out var arrival))
            {
                recorded[arrival.Index] = arrival.Result;
            }

            last = await store.UpdateSubmissionAsync(last.Value.Id, Apply, cancellationToken, last);
        }
    }

    private Submission Apply(Submission submission) => recorded.Count == 0
        ? submission
        : submission with { Citations = [.. submission.Citations.Select((c, i) => recorded.TryGetValue(i, out var result) ? result : c)] };
}

namespace Archiver.Progress;

/// <summary>
/// The citation whose work the current async flow is doing, and where its steps go. The submission runner enters a
/// scope per citation; code deep in the pipeline reports a step with one static call, and outside any scope (re-checks,
/// benchmarks) the call does nothing.
/// </summary>
public static class ProgressScope
{
    private static readonly AsyncLocal<Scope?> Current = new();

    public static IDisposable Enter(IProgressSink sink, string submissionId, int citation, TimeProvider time)
    {
        var previous = Current.Value;
        Current.Value = new Scope(sink, submissionId, citation, time);
        return new Exit(previous);
    }

    public static void Report(ProgressStep step)
    {
        if (Current.Value is { } scope)
        {
            scope.Sink.Report(step with { SubmissionId = scope.SubmissionId, Citation = scope.Citation, At = scope.Time.GetUtcNow() });
        }
    }

    private sealed record Scope(IProgressSink Sink, string SubmissionId, int Citation, TimeProvider Time);

    private sealed class Exit(Scope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

namespace Archiver.Progress;

/// <summary>Receives each step a citation's work takes, as it happens (the page watches them over Server-Sent Events).</summary>
public interface IProgressSink
{
    void Report(ProgressStep step);
}

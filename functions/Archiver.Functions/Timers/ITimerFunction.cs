namespace Archiver.Functions.Timers;

/// <summary>A timer-triggered function: fired by the host through <c>POST /{Name}</c>, or by the standalone scheduler.</summary>
public interface ITimerFunction
{
    /// <summary>The function's folder name, as in its function.json's folder.</summary>
    string Name { get; }

    /// <summary>The schedule used when function.json names a <c>%Setting%</c> that configuration does not define.</summary>
    string DefaultSchedule { get; }

    /// <summary>Runs once; the returned lines go to the host's invocation log.</summary>
    Task<IReadOnlyList<string>> RunAsync(TimerTrigger trigger, CancellationToken cancellationToken);
}

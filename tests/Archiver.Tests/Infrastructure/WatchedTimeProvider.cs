using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code arms a timer on it. A test that moves the clock before the code
/// under test has armed its delay (a background service starts on the thread pool) would move it past the due time
/// unnoticed and wait forever; waiting for the timer first makes such tests exact on a loaded machine.
/// </summary>
internal sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer due in exactly <paramref name="dueTime"/> has been armed, then moves the clock by it.</summary>
    public async Task AdvanceWhenArmedAsync(TimeSpan dueTime)
    {
        while (await armed.Reader.ReadAsync(TestContext.Current.CancellationToken) != dueTime)
        {
        }

        Advance(dueTime);
    }
}

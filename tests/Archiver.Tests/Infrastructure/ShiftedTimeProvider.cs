namespace Archiver.Tests.Infrastructure;

/// <summary>
/// A clock that runs with the system's from <paramref name="start"/> on, and that a test moves forward by hours or days
/// at once. Unlike <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>, its timers run in real time, so
/// Polly's attempt timeouts and retry delays (a few hundred milliseconds in such tests) pass on their own while the
/// archive's schedule (hours and days) is driven by <see cref="Advance"/>.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// Builds one web host at a time in this test process. WebApplicationFactory finds the app's host by listening for
/// host-building events process-wide, so a fake upstream or webhook receiver built at the same moment on another test
/// thread could be taken for the app's host. Holding this gate while building keeps the two apart.
/// </summary>
internal static class HostBuildGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static T Build<T>(Func<T> build)
    {
        Gate.Wait(TestContext.Current.CancellationToken);
        try
        {
            return build();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<T> BuildAsync<T>(Func<Task<T>> build)
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return await build();
        }
        finally
        {
            Gate.Release();
        }
    }
}

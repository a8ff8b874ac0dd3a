namespace Archiver.Tests.Settings;

/// <summary>
/// One documented setting: README's name for it, the environment variables that set it to something other than the
/// default, and how the test sees that it took effect (the value the consuming service or option ends up with).
/// </summary>
public sealed record SettingCase(string Documented, IReadOnlyDictionary<string, string> Variables, Func<IServiceProvider, object?> Observe, object? Expected)
{
    public static SettingCase Of(string documented, string value, Func<IServiceProvider, object?> observe, object? expected) =>
        new(documented, new Dictionary<string, string> { [documented] = value }, observe, expected);

    public override string ToString() => Documented;
}

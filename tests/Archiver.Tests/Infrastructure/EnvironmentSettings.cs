using Microsoft.Extensions.Configuration;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// Settings written as environment variables exactly as README documents them (<c>Archiver__Recheck__Intervals</c>),
/// read back through the real environment-variables configuration provider. Each call uses a prefix of its own, so
/// tests running at once never see each other's variables, and removes its variables before it returns.
/// </summary>
public static class EnvironmentSettings
{
    /// <returns>The configuration keys and values the provider made of them, as an app would see them.</returns>
    public static Dictionary<string, string?> Read(IReadOnlyDictionary<string, string> variables)
    {
        var prefix = $"ARCHIVERTEST{Guid.NewGuid():N}_";
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(prefix + name, value);
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            return configuration.AsEnumerable().Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    public static IConfiguration Configuration(IReadOnlyDictionary<string, string> variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(Read(variables)).Build();
}

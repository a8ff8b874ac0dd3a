using System.Text;
using Archiver.Recheck;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;

namespace Archiver.Functions.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// Settings whose defaults configuration must hold itself, because a trigger names them as <c>%Setting%</c>:
    /// standalone resolves them as the host resolves app settings. Lowest priority: any source overrides them.
    /// </summary>
    private static readonly Dictionary<string, string?> TriggerSettingDefaults = new()
    {
        ["Archiver:Recheck:Schedule"] = RecheckOptions.DefaultSchedule,
    };

    /// <summary>What both hostings share: the mode, the clock, the function catalog and the handler runner.</summary>
    public static IHostApplicationBuilder AddFunctionHosting(this IHostApplicationBuilder builder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = TriggerSettingDefaults });
        builder.Services.AddSingleton(services => HostingMode.From(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => FunctionCatalog.ForApp());
        builder.Services.AddSingleton<HandlerRunner>();

        // The framework's per-request lines carry the whole URL, ?code= included: under the host they would travel
        // to the host's logs and Application Insights with every invocation.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return builder;
    }

    /// <summary>Standalone logging: errors to stderr, the rest to stdout, with UTC timestamps.</summary>
    public static IHostApplicationBuilder AddStandaloneLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Error);
        // No four lines per request; a lowest-ranked default, so Logging__LogLevel__Microsoft.AspNetCore still overrides it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        builder.Services.Configure<ConsoleFormatterOptions>(options => options.TimestampFormat = "O ");
        return builder;
    }
}

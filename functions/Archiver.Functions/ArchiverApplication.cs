using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions.Articles;
using Archiver.Functions.Downloads;
using Archiver.Functions.Endpoints;
using Archiver.Functions.Errors;
using Archiver.Functions.Hosting;
using Archiver.Functions.Telemetry;
using Archiver.Functions.Timers;

namespace Archiver.Functions;

/// <summary>
/// The app's table of contents: what it registers and what it serves. <c>Program</c> runs it; tests build the same app
/// with their own settings and services on a loopback port.
/// </summary>
public static class ArchiverApplication
{
    /// <param name="settings">Configuration that outranks every other source (tests).</param>
    /// <param name="services">Registrations applied last, so they replace the app's own (tests).</param>
    public static WebApplication Create(string[] args, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddCustomHandlerHosting();
        builder.AddTelemetry();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FunctionsJsonContext.Default));
        builder.Services.AddApiErrors();
        builder.Services.AddArchive();
        builder.Services.AddDownloads();
        builder.Services.AddCitations();
        builder.Services.AddArticles();
        builder.Services.AddTimerFunctions();
        services?.Invoke(builder.Services);

        var app = builder.Build();

        app.UseApiErrors();
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapReadinessProbe();
        app.MapTimerInvocations();
        app.MapHealthApi();
        app.MapExtractApi();
        app.MapArchiveApi();
        app.MapTweetsApi();
        app.MapAppApi();
        return app;
    }
}

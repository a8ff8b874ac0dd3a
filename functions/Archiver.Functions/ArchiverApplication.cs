using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions.Articles;
using Archiver.Functions.Background;
using Archiver.Functions.Downloads;
using Archiver.Functions.Errors;
using Archiver.Functions.Hosting;
using Archiver.Functions.Telemetry;
using Archiver.Functions.Timers;
using Archiver.Recheck;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Archiver.Functions;

/// <summary>
/// The app's table of contents: what it registers, and the two ways it runs. Under the Functions host it is an
/// isolated worker (<see cref="CreateWorker"/>); without one it is a plain ASP.NET Core app that serves the same
/// <c>[Function]</c> methods itself (<see cref="Create"/>). <c>Program</c> picks; tests build either.
/// </summary>
public static class ArchiverApplication
{
    /// <summary>Standalone: the functions served on their trigger routes, timers fired by the app's own scheduler.</summary>
    /// <param name="settings">Configuration that outranks every other source (tests).</param>
    /// <param name="services">Registrations applied last, so they replace the app's own (tests).</param>
    public static WebApplication Create(string[] args, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddStandaloneLogging();
        builder.AddArchiver(underHost: false);
        builder.Services.AddStandaloneTimers();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseApiErrors();
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapFunctions();
        return app;
    }

    /// <summary>Under the host: the isolated worker, its HTTP requests proxied by the host to the worker's Kestrel.</summary>
    public static IHost CreateWorker(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.ConfigureFunctionsWebApplication();
        builder.AddArchiver(underHost: true);
        builder.Services.AddApiErrorPages();
        return builder.Build();
    }

    private static IHostApplicationBuilder AddArchiver(this IHostApplicationBuilder builder, bool underHost)
    {
        builder.AddFunctionHosting();
        builder.AddTelemetry(underHost);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FunctionsJsonContext.Default));
        builder.Services.AddApiErrors();
        builder.Services.AddArchive();
        builder.Services.AddRecheck();
        builder.Services.Configure<Archiver.Notify.NotifyOptions>(notify => notify.TweetLink = id => $"/api/tweets/{id}");
        builder.Services.AddDownloads();
        builder.Services.AddCitations();
        builder.Services.AddArticles();
        builder.Services.AddBackgroundSubmissions();
        return builder;
    }
}

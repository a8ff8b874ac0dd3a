using System.Text;
using Microsoft.Extensions.Logging.Console;

namespace Archiver.Functions.Hosting;

public static class HandlerHostingExtensions
{
    /// <summary>
    /// Sets the process up as a Functions custom handler: under the host it listens on 127.0.0.1 at the port the
    /// host handed over (unless host.json's arguments already gave <c>--urls</c>); errors go to stderr, the rest to
    /// stdout, as the host reads them; the function.json files are loaded once.
    /// </summary>
    public static WebApplicationBuilder AddCustomHandlerHosting(this WebApplicationBuilder builder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var mode = HostingMode.From(builder.Configuration);
        if (mode.CustomHandlerPort is { } port && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.Configure<ConsoleFormatterOptions>(options => options.TimestampFormat = "O ");

        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton(_ => FunctionManifest.Load(AppContext.BaseDirectory));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The host's readiness probe: any answer to <c>GET /</c> will do, so it is answered at once.</summary>
    public static WebApplication MapReadinessProbe(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Ok(new ReadinessAnswer("archiver", typeof(HandlerHostingExtensions).Assembly.GetName().Version?.ToString() ?? "0")))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}

public sealed record ReadinessAnswer(string Name, string Version);

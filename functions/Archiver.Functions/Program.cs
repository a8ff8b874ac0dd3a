using Archiver.Archive;
using Archiver.Citations;
using Archiver.Functions;
using Archiver.Functions.Articles;
using Archiver.Functions.Downloads;
using Archiver.Functions.Endpoints;
using Archiver.Functions.Errors;
using Archiver.Functions.Hosting;
using Archiver.Functions.Telemetry;
using Archiver.Functions.Timers;
using Archiver.Recheck;

var builder = WebApplication.CreateSlimBuilder(args);

builder.AddCustomHandlerHosting();
builder.AddTelemetry();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FunctionsJsonContext.Default));
builder.Services.AddApiErrors();
builder.Services.AddArchive();
builder.Services.AddDownloads();
builder.Services.AddCitations();
builder.Services.AddArticles();
builder.Services.AddTimerFunctions();

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

app.Run();

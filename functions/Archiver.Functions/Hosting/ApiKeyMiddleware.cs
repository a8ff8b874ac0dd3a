using System.Security.Cryptography;
using System.Text;
using Archiver.Functions.Errors;
using Microsoft.AspNetCore.Authorization;

namespace Archiver.Functions.Hosting;

/// <summary>
/// Standalone only: when <c>Archiver:ApiKey</c> is set, every function whose <c>[HttpTrigger]</c> level is not
/// Anonymous (all but Health and App) wants it in <c>x-functions-key</c> or <c>?code=</c>, as the Functions host
/// would; so does running a timer through <c>/admin/functions/{name}</c>. Under the host the host checks keys itself.
/// Runs after routing, so unknown paths are refused too rather than answered 404 to a caller without a key.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IConfiguration configuration, HostingMode mode)
{
    public const string HeaderName = "x-functions-key";

    public Task InvokeAsync(HttpContext context)
    {
        var key = configuration["Archiver:ApiKey"];
        if (mode.UnderHost || string.IsNullOrEmpty(key) || IsAnonymous(context))
        {
            return next(context);
        }

        var presented = context.Request.Headers[HeaderName].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
        if (presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key)))
        {
            return next(context);
        }

        var (code, message) = ApiErrors.Describe(StatusCodes.Status401Unauthorized, context.Request.Method, context.Request.Path);
        return ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, code, message);
    }

    private static bool IsAnonymous(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}

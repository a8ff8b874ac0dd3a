using Microsoft.AspNetCore.Diagnostics;

namespace Archiver.Functions.Errors;

/// <summary>
/// Turns what escapes an endpoint into the API's error shape: the framework's bad-request exceptions keep their
/// 4xx status, anything else is logged with its exception and answered 500 without internals.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500)
        {
            Log.UnhandledException(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        var (code, message) = ApiErrors.Describe(status, httpContext.Request.Method, httpContext.Request.Path);
        await ApiErrors.WriteAsync(httpContext, status, code, message);
        return true;
    }
}

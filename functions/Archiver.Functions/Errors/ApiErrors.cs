using Microsoft.AspNetCore.Http.HttpResults;

namespace Archiver.Functions.Errors;

/// <summary>Builds the API's error answers; every 4xx and 5xx body is written through here.</summary>
public static class ApiErrors
{
    public static JsonHttpResult<ApiError> Create(int status, string code, string message) =>
        TypedResults.Json(ApiError.Of(code, message), statusCode: status);

    public static JsonHttpResult<ApiError> BadRequest(string code, string message) => Create(StatusCodes.Status400BadRequest, code, message);

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ApiError.Of(code, message), context.RequestAborted);
    }

    /// <summary>The code and message for a bare status the framework produced (404, 405, 413 …).</summary>
    public static (string Code, string Message) Describe(int status, string method, string path) => status switch
    {
        StatusCodes.Status404NotFound => ("not_found", $"No endpoint at {path}."),
        StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", $"{method} is not allowed on {path}."),
        StatusCodes.Status413PayloadTooLarge => ("body_too_large", "The request body is larger than this endpoint accepts."),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "The request's Content-Type is not accepted here."),
        StatusCodes.Status401Unauthorized => ("unauthorized", "A valid key is required (x-functions-key header or code query parameter)."),
        StatusCodes.Status408RequestTimeout => ("request_timeout", "The request took too long to arrive."),
        >= 500 => ("internal_error", "The server failed to answer this request."),
        _ => ("bad_request", "The request could not be served."),
    };
}

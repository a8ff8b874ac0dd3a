namespace Archiver.Functions.Errors;

public static class ErrorHandlingExtensions
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Routes unhandled exceptions and the framework's bare status codes (404, 405 …) to the one error shape.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var (code, message) = ApiErrors.Describe(http.Response.StatusCode, http.Request.Method, http.Request.Path);
            return http.Response.WriteAsJsonAsync(ApiError.Of(code, message), http.RequestAborted);
        });
        return app;
    }
}

namespace Archiver.Functions.Errors;

public static class ErrorHandlingExtensions
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// Under the host: the same error middleware at the front of the worker's own HTTP pipeline, which the worker
    /// builds itself (a startup filter is the way in), so bare statuses from binding get the API's error shape too.
    /// </summary>
    public static IServiceCollection AddApiErrorPages(this IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, ApiErrorsStartupFilter>();

    /// <summary>Routes unhandled exceptions and the framework's bare status codes (404, 405 …) to the one error shape.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app)
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

    private sealed class ApiErrorsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseApiErrors();
            next(app);
        };
    }
}

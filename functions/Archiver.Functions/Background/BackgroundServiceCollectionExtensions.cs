namespace Archiver.Functions.Background;

public static class BackgroundServiceCollectionExtensions
{
    /// <summary>The worker that finishes submissions answered before their work was done.</summary>
    public static IServiceCollection AddBackgroundSubmissions(this IServiceCollection services)
    {
        services.AddSingleton<SubmissionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<SubmissionWorker>());
        return services;
    }
}

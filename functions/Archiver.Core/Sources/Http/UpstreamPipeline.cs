using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Archiver.Sources;

/// <summary>
/// The resilience pipeline of one upstream host, outermost first: a concurrency limiter, the total timeout, retries
/// (jittered exponential backoff, <c>Retry-After</c> honoured up to <see cref="UpstreamOptions.MaxRetryAfter"/>), a rate
/// limiter (every attempt takes a token), a circuit breaker, the attempt timeout. One instance is built per logical host.
/// </summary>
internal static class UpstreamPipeline
{
    /// <param name="host">The logical host this pipeline serves; its circuit's openings and closings go to <paramref name="health"/>.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, UpstreamOptions options, TimeProvider time, UpstreamHealth health, string host, ILogger logger)
    {
        builder.AddConcurrencyLimiter(options.MaxConcurrencyPerHost, options.MaxQueuedPerHost);
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(Retry(options, time));
        }

        if (options.RequestsPerSecondPerHost > 0)
        {
            builder.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, (int)Math.Ceiling(options.RequestsPerSecondPerHost)),
                TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(options.RequestsPerSecondPerHost)),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = options.MaxQueuedPerHost,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            OnOpened = args =>
            {
                health.CircuitOpened(host, args.BreakDuration);
                UpstreamLog.CircuitOpened(logger, host, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                health.CircuitClosed(host);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
    }

    private static HttpRetryStrategyOptions Retry(UpstreamOptions options, TimeProvider time) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryAfter > TimeSpan.Zero ? options.MaxRetryAfter : null,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(
            !args.Context.CancellationToken.IsCancellationRequested
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !IsNameResolutionFailure(args.Outcome.Exception)
            && !(RetryAfter.Of(args.Outcome.Result, time) > options.MaxRetryAfter)),
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result, time)),
    };

    /// <summary>A name that does not resolve will not resolve a second later: retrying only makes the user wait.</summary>
    private static bool IsNameResolutionFailure(Exception? exception) =>
        exception is HttpRequestException e
        && (e.HttpRequestError == HttpRequestError.NameResolutionError
            || e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData });
}

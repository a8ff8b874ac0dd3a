using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archiver.Notify;

/// <summary>
/// Sends change events to <see cref="NotifyOptions.WebhookUrl"/> in the background: a check only queues the event, so
/// a slow or failing webhook never blocks or fails it. Sending is retried with backoff by the client's resilience
/// pipeline; an event that still fails is logged and dropped.
/// </summary>
public sealed class WebhookNotifier(IHttpClientFactory clients, IOptions<NotifyOptions> options, ILogger<WebhookNotifier> logger)
    : BackgroundService, IChangeNotifier
{
    public const string HttpClientName = "webhook";

    private readonly Channel<ChangeEvent> queue = Channel.CreateBounded<ChangeEvent>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueLimit)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private static string Failure(Exception e) => e switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException request => $"no connection: {request.HttpRequestError}",
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open after repeated failures",
        _ => "no answer in time",
    };

    public void Publish(ChangeEvent change)
    {
        if (options.Value.WebhookUrl is not null && !queue.Writer.TryWrite(change with { Tweet = change.Tweet ?? options.Value.TweetLink?.Invoke(change.TweetId) }))
        {
            Log.WebhookDropped(logger, change.Type, change.TweetId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var response = await clients.CreateClient(HttpClientName)
                    .PostAsJsonAsync(options.Value.WebhookUrl, change, NotifyJsonContext.Default.ChangeEvent, stoppingToken);
                response.EnsureSuccessStatusCode();
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
                                          || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                Log.WebhookFailed(logger, change.Type, change.TweetId, options.Value.WebhookUrl?.IdnHost ?? "", Failure(e));
            }
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChangeEvent))]
internal sealed partial class NotifyJsonContext : JsonSerializerContext;

internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Warning, "Webhook queue full: dropped the oldest {Type} event for tweet {TweetId}")]
    public static partial void WebhookDropped(ILogger logger, string type, string tweetId);

    /// <summary>An expected failure (the receiver is down or refuses): one line, no stack trace.</summary>
    [LoggerMessage(3002, LogLevel.Warning, "Webhook {Type} for tweet {TweetId} could not be delivered to {Host} ({Failure}) after retries; the event is dropped")]
    public static partial void WebhookFailed(ILogger logger, string type, string tweetId, string host, string failure);
}

using Archiver.Functions.Endpoints;
using Archiver.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Archiver.Functions.Functions;

/// <summary>The archived tweets: their state and history, snapshots, media files, bundles, re-checks and diffs.</summary>
public sealed class TweetFunctions(HandlerRunner handlers)
{
    [Function("ListTweets")]
    public Task<IResult> ListTweets([HttpTrigger(AuthorizationLevel.Function, "get", Route = "tweets")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.ListTweetsAsync);

    [Function("GetTweet")]
    public Task<IResult> GetTweet([HttpTrigger(AuthorizationLevel.Function, "get", Route = "tweets/{id}")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.GetTweetAsync);

    [Function("GetSnapshot")]
    public Task<IResult> GetSnapshot([HttpTrigger(AuthorizationLevel.Function, "get", Route = "tweets/{id}/snapshots/{version}")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.GetSnapshotAsync);

    [Function("GetMedia")]
    public Task<IResult> GetMedia([HttpTrigger(AuthorizationLevel.Function, "get", Route = "tweets/{id}/media/{file}")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.GetMediaAsync);

    [Function("GetBundle")]
    public Task<IResult> GetBundle([HttpTrigger(AuthorizationLevel.Function, "get", Route = "tweets/{id}/bundle")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.GetBundleAsync);

    [Function("RecheckTweet")]
    public Task<IResult> RecheckTweet([HttpTrigger(AuthorizationLevel.Function, "post", Route = "tweets/{id}/recheck")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.RecheckAsync);

    [Function("GetDiff")]
    public Task<IResult> GetDiff([HttpTrigger(AuthorizationLevel.Function, "get", Route = "tweets/{id}/diff")] HttpRequest request) =>
        handlers.RunAsync(request, TweetsApi.GetDiffAsync);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Archiver.Tests.Hosting.StandIn.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archiver.Tests.Hosting.StandIn;

/// <summary>
/// Runs a published worker the way the Functions host does, as far as these tests need: it serves
/// <c>FunctionRpc.EventStream</c> over loopback h2c, starts <c>dotnet {worker}.dll</c> with the host's switches and
/// <c>FUNCTIONS_APPLICATION_DIRECTORY</c>, runs StartStream → WorkerInit → FunctionsMetadata → one FunctionLoad per
/// function, then invokes functions: HTTP ones by sending the real request to the worker's <c>HttpUri</c> with
/// <c>x-ms-invocation-id</c> beside an InvocationRequest carrying an empty <c>RpcHttp</c>, timers with a TimerInfo as
/// JSON. Not covered: keys, the host's own routing, schedules, retries, specialization.
/// </summary>
public sealed class StandInHost : IAsyncDisposable
{
    /// <summary>What the host passes as <c>--functions-grpc-max-message-length</c> (int.MaxValue).</summary>
    public const int MaxMessageLength = int.MaxValue;

    private WebApplication server = null!;
    private readonly Channel<StreamingMessage> toWorker = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pending = new();
    private readonly ConcurrentQueue<RpcLog> logs = new();
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<StartStream> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, RpcFunctionMetadata> functions = new(StringComparer.Ordinal);
    private Process? worker;

    private StandInHost()
    {
    }

    public string WorkerId { get; } = Guid.NewGuid().ToString();

    /// <summary>The process start → WorkerInitResponse time, as the host's 30 s start-up limit counts it.</summary>
    public TimeSpan InitTime { get; private set; }

    /// <summary>The process start → last FunctionLoadResponse time.</summary>
    public TimeSpan LoadedTime { get; private set; }

    public WorkerInitResponse Init { get; private set; } = new();

    public FunctionMetadataResponse Metadata { get; private set; } = new();

    public IReadOnlyDictionary<string, FunctionLoadResponse> Loads { get; private set; } = new Dictionary<string, FunctionLoadResponse>();

    /// <summary>The worker's own HTTP endpoint (capability <c>HttpUri</c>), where the host proxies requests.</summary>
    public Uri HttpUri => new(Init.Capabilities["HttpUri"]);

    public IReadOnlyCollection<RpcLog> Logs => logs;

    public bool WorkerExited => worker?.HasExited ?? true;

    public string WorkerOutput
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the gRPC endpoint and the worker, and runs the start-up sequence up to the last FunctionLoad.</summary>
    public static async Task<StandInHost> StartAsync(string workerRoot, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
        });
        var host = new StandInHost();
        builder.Services.AddSingleton(host);
        host.server = builder.Build();
        host.server.MapGrpcService<RpcService>();
        await host.server.StartAsync(cancellationToken);
        try
        {
            await host.StartWorkerAsync(workerRoot, settings, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Proxies <paramref name="request"/> (its path under <c>/api/</c>) to the worker as the host does, and sends the
    /// InvocationRequest. Answers the response as soon as its headers arrive, and the InvocationResponse to come.
    /// </summary>
    public async Task<(HttpResponseMessage Response, Task<InvocationResponse> Invocation)> InvokeHttpAsync(
        string function, HttpRequestMessage request, IReadOnlyDictionary<string, string>? routeValues, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        request.RequestUri = new Uri(HttpUri, request.RequestUri!.OriginalString.TrimStart('/'));
        request.Headers.Add("x-ms-invocation-id", invocationId);

        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = functions[function].FunctionId,
            InputData = { new ParameterBinding { Name = HttpBindingName(function), Data = new TypedData { Http = new RpcHttp() } } },
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
        };
        foreach (var (name, value) in routeValues ?? new Dictionary<string, string>())
        {
            invocation.TriggerMetadata[name] = new TypedData { String = value };
        }

        // As the host does: the request goes out first, then the invocation; the worker pairs them by the id.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var response = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var answer = SendAsync(new StreamingMessage { InvocationRequest = invocation }, invocationId, cancellationToken);
        return (await response, answer.ContinueWith(t => t.Result.InvocationResponse, cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
    }

    /// <summary>Invokes a timer function with the JSON the host sends for a <c>TimerInfo</c>.</summary>
    public async Task<InvocationResponse> InvokeTimerAsync(string function, string timerInfoJson, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        var binding = functions[function].Bindings.Single(b => b.Value.Type == "timerTrigger").Key;
        var message = new StreamingMessage
        {
            InvocationRequest = new InvocationRequest
            {
                InvocationId = invocationId,
                FunctionId = functions[function].FunctionId,
                InputData = { new ParameterBinding { Name = binding, Data = new TypedData { Json = timerInfoJson } } },
                TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
            },
        };
        return (await SendAsync(message, invocationId, cancellationToken)).InvocationResponse;
    }

    public IEnumerable<RpcLog> LogsOf(string invocationId) => logs.Where(l => l.InvocationId == invocationId);

    public async ValueTask DisposeAsync()
    {
        if (worker is { HasExited: false })
        {
            // As the host stops a worker: WorkerTerminate, a grace period, then the process is killed.
            toWorker.Writer.TryWrite(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) } });
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await worker.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync(CancellationToken.None);
            }
        }

        worker?.Dispose();
        toWorker.Writer.TryComplete();
        await server.StopAsync(CancellationToken.None);
        await server.DisposeAsync();
    }

    private async Task StartWorkerAsync(string workerRoot, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var uri = new Uri(server.Urls.First());
        var requestId = Guid.NewGuid().ToString();
        var length = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workerRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // worker.config.json: defaultExecutablePath "dotnet", defaultWorkerPath the app; then the host's arguments.
        foreach (var argument in new[]
        {
            Path.Combine(workerRoot, "Archiver.Functions.dll"),
            "--host", uri.Host, "--port", uri.Port.ToString(CultureInfo.InvariantCulture), "--workerId", WorkerId, "--requestId", requestId,
            "--grpcMaxMessageLength", length,
            "--functions-uri", uri.AbsoluteUri, "--functions-worker-id", WorkerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", length,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = workerRoot;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = workerRoot;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        worker = Process.Start(start)!;
        worker.OutputDataReceived += (_, e) => Append(e.Data);
        worker.ErrorDataReceived += (_, e) => Append(e.Data);
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var exited = worker.WaitForExitAsync(timeout.Token);
        var stream = await Task.WhenAny(started.Task, exited);
        if (stream != started.Task)
        {
            throw new InvalidOperationException($"The worker exited before StartStream.\n{WorkerOutput}");
        }

        var startStream = await started.Task;
        if (startStream.WorkerId != WorkerId)
        {
            throw new InvalidOperationException($"StartStream named worker '{startStream.WorkerId}', not '{WorkerId}'.");
        }

        Init = (await SendAsync(new StreamingMessage
        {
            RequestId = requestId,
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = "4.1000.0.0",
                WorkerDirectory = workerRoot,
                FunctionAppDirectory = workerRoot,
                Capabilities = { ["HandlesInvocationCancelMessage"] = "true" },
            },
        }, "init", timeout.Token)).WorkerInitResponse;
        InitTime = clock.Elapsed;
        if (Init.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"WorkerInit failed: {Init.Result.Exception?.Message}\n{WorkerOutput}");
        }

        Metadata = (await SendAsync(new StreamingMessage
        {
            RequestId = requestId,
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = workerRoot },
        }, "metadata", timeout.Token)).FunctionMetadataResponse;

        var loads = new Dictionary<string, FunctionLoadResponse>(StringComparer.Ordinal);
        foreach (var function in Metadata.FunctionMetadataResults)
        {
            functions[function.Name] = function;
            var load = await SendAsync(new StreamingMessage
            {
                RequestId = requestId,
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function },
            }, $"load:{function.FunctionId}", timeout.Token);
            loads[function.Name] = load.FunctionLoadResponse;
        }

        Loads = loads;
        LoadedTime = clock.Elapsed;

        // The worker answers WorkerInit before its Kestrel listens on HttpUri; the host's first proxied request
        // comes later than this, so wait for the port to accept connections before declaring the worker ready.
        while (!await AcceptsConnectionsAsync(HttpUri, timeout.Token))
        {
            if (worker.HasExited)
            {
                throw new InvalidOperationException($"The worker exited after loading its functions.\n{WorkerOutput}");
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(uri.Host, uri.Port, cancellationToken);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private string HttpBindingName(string function) =>
        functions[function].Bindings.Single(b => b.Value.Type == "httpTrigger").Key;

    /// <summary>Sends a message and waits for the worker's answer, matched by <paramref name="key"/>.</summary>
    private async Task<StreamingMessage> SendAsync(StreamingMessage message, string key, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[key] = answer;
        await toWorker.Writer.WriteAsync(message, cancellationToken);
        return await answer.Task.WaitAsync(cancellationToken);
    }

    private void Receive(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.StartStream => null,
            StreamingMessage.ContentOneofCase.RpcLog => null,
            StreamingMessage.ContentOneofCase.WorkerInitResponse => "init",
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => "metadata",
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => $"load:{message.FunctionLoadResponse.FunctionId}",
            StreamingMessage.ContentOneofCase.InvocationResponse => message.InvocationResponse.InvocationId,
            _ => null,
        };
        if (message.ContentCase == StreamingMessage.ContentOneofCase.StartStream)
        {
            started.TrySetResult(message.StartStream);
        }
        else if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            logs.Enqueue(message.RpcLog);
        }
        else if (key is not null && pending.TryRemove(key, out var answer))
        {
            answer.TrySetResult(message);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The host's end of the worker's one stream: messages in are routed, queued messages go out.</summary>
    private sealed class RpcService(StandInHost host) : FunctionRpc.FunctionRpcBase
    {
        public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
        {
            var sending = Task.Run(async () =>
            {
                await foreach (var message in host.toWorker.Reader.ReadAllAsync(context.CancellationToken))
                {
                    await responseStream.WriteAsync(message, context.CancellationToken);
                }
            });
            try
            {
                await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
                {
                    host.Receive(message);
                }
            }
            catch (OperationCanceledException)
            {
            }

            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Reconnect.Graph.Resilience;

/// <summary>
/// One resilience pipeline per mailbox, built once and cached: Graph's throttling, its 4-request
/// concurrency limit and a circuit breaker all apply per mailbox, so two users never share a breaker
/// and one user's parallel folder reads share one limiter.
/// </summary>
/// <remarks>
/// Strategies, outermost first: total timeout, retry (Retry-After on 429/503, else exponential
/// backoff with jitter), circuit breaker, concurrency limiter, attempt timeout. The limiter sits
/// inside the retry so that a request sleeping through Retry-After holds no slot.
/// </remarks>
public sealed class GraphResiliencePipelines(GraphResilienceOptions options, int maxConcurrentRequests, TimeProvider? time = null, ILoggerFactory? loggers = null)
{
    // A server's second and ours may disagree by a few milliseconds; waiting a hair longer than
    // Retry-After is never wrong, waiting less gets the request throttled again.
    internal static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, GraphResilience> _byMailbox = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Reconnect.Graph.Resilience");

    /// <summary>The pipeline of one mailbox (key: tenant id + object id, never an address).</summary>
    public GraphResilience For(string mailboxKey) => _byMailbox.GetOrAdd(mailboxKey, Build);

    private GraphResilience Build(string mailboxKey)
    {
        var stats = new GraphResilienceStats();
        var gate = new ThrottleGate(_time);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time, Name = "graph" }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome, gate)),
                OnRetry = args =>
                {
                    stats.Retried(args.Outcome.Result?.StatusCode);
                    var level = args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests ? LogLevel.Information : LogLevel.Warning;
                    _logger.Log(level, "Graph call retried ({Attempt}) after {Outcome}; waiting {Delay} ms",
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                // Throttling is Graph pacing us, not Graph failing: it must not open the breaker.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && IsTransient(args.Outcome, args.Context.CancellationToken)),
                OnOpened = args =>
                {
                    _logger.LogWarning("Graph circuit opened for a mailbox for {BreakDuration} ms", (long)args.BreakDuration.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = maxConcurrentRequests,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        return new GraphResilience(pipeline, gate, stats, _time);
    }

    /// <summary>Graph's transient answers: 408, 429, 500, 502, 503, 504, and the network failing under us.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Result: { } response } => IsTransient(response.StatusCode),
        { Exception: HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException or GraphResponseIncompleteException } => true,
        // A cancelled read that nobody asked to cancel is a dropped connection.
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    internal static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Retry-After when Graph gives one (429, 503), the breaker's remaining break, else null for the jittered backoff.</summary>
    private TimeSpan? RetryDelay(Outcome<HttpResponseMessage> outcome, ThrottleGate gate)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
            && RetryAfterOf(response, _time.GetUtcNow()) is { } retryAfter)
        {
            if (retryAfter > options.MaxRetryAfter)
            {
                retryAfter = options.MaxRetryAfter;
            }

            var wait = retryAfter + RetryAfterMargin;
            // Every request of the mailbox waits, not only this one: Graph throttles the mailbox.
            gate.Close(wait);
            return wait;
        }

        if (outcome.Exception is BrokenCircuitException { RetryAfter: { } untilClosed })
        {
            return untilClosed;
        }

        // Another request of the mailbox was told to wait: this retry waits as long, not less.
        var gateRemaining = gate.Remaining;
        return gateRemaining > TimeSpan.Zero ? gateRemaining : null;
    }

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}

/// <summary>A mailbox's pipeline and what it shares between that mailbox's requests.</summary>
public sealed class GraphResilience
{
    internal GraphResilience(ResiliencePipeline<HttpResponseMessage> pipeline, ThrottleGate gate, GraphResilienceStats stats, TimeProvider time)
    {
        Pipeline = pipeline;
        Gate = gate;
        Stats = stats;
        Time = time;
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public GraphResilienceStats Stats { get; }

    internal ThrottleGate Gate { get; }

    internal TimeProvider Time { get; }
}

/// <summary>Counts of what the pipeline did for one mailbox (for status, logs and tests).</summary>
public sealed class GraphResilienceStats
{
    private long _retries;
    private long _throttled;

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Retries caused by 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    internal void Retried(HttpStatusCode? status)
    {
        Interlocked.Increment(ref _retries);
        if (status == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _throttled);
        }
    }
}

/// <summary>When Graph throttled a mailbox, the moment before which none of its requests may go out.</summary>
internal sealed class ThrottleGate(TimeProvider time)
{
    private long _openAtTicks;

    public void Close(TimeSpan wait)
    {
        var until = time.GetUtcNow().UtcTicks + wait.Ticks;
        long current;
        do
        {
            current = Interlocked.Read(ref _openAtTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _openAtTicks, until, current) != current);
    }

    public TimeSpan Remaining => TimeSpan.FromTicks(Math.Max(0, Interlocked.Read(ref _openAtTicks) - time.GetUtcNow().UtcTicks));

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var remaining = Remaining;
        return remaining <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(remaining, time, cancellationToken);
    }
}

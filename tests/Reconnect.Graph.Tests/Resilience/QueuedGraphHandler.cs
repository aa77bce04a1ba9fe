using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Reconnect.Graph.Tests.Resilience;

/// <summary>
/// Graph's last hop, faked: answers each request with the next queued response (or throws the next
/// queued exception), and records what it was asked. On dispose it asserts that every queued answer was used.
/// </summary>
internal sealed class QueuedGraphHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _answers = new();
    private int _inFlight;
    private int _maxInFlight;
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public TimeSpan Latency { get; init; }

    public List<DateTimeOffset> AttemptTimes { get; } = [];

    public QueuedGraphHandler Enqueue(Func<HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public QueuedGraphHandler Enqueue(HttpStatusCode status, int count = 1, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            Enqueue(() =>
            {
                var response = Json(status, """{"error":{"code":"TooManyRequests","message":"slow down"}}""");
                if (retryAfter is { } delay)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
                }

                return response;
            });
        }

        return this;
    }

    public QueuedGraphHandler EnqueueMe(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Enqueue(() => Json(HttpStatusCode.OK, """{"id":"u1","displayName":"Alex","mail":"alex@contoso.example"}"""));
        }

        return this;
    }

    public QueuedGraphHandler EnqueueThrow(Exception exception) => Enqueue(() => throw exception);

    public int Remaining => _answers.Count;

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        lock (AttemptTimes)
        {
            AttemptTimes.Add(DateTimeOffset.UtcNow);
        }

        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken);
            }

            return _answers.TryDequeue(out var answer)
                ? answer()
                : throw new InvalidOperationException("No answer queued for " + request.RequestUri);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

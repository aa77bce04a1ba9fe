using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;
using Reconnect.Graph.Resilience;

namespace Reconnect.Graph.Tests.Resilience;

public sealed class GraphResilienceTests
{
    private static readonly GraphResilienceOptions Fast = new()
    {
        MaxRetryAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(30),
        BreakerMinimumThroughput = 1000,
    };

    [Fact]
    public async Task Throttled_RetryAfterZeroTwice_ExactlyThreeAttemptsReachGraph()
    {
        var graph = new QueuedGraphHandler().Enqueue(HttpStatusCode.TooManyRequests, 2, TimeSpan.Zero).EnqueueMe();
        var client = CreateClient(graph, Fast);

        var me = await client.Me.GetAsync();

        Assert.Equal("u1", me!.Id);
        Assert.Equal(3, graph.Attempts);
    }

    [Fact]
    public async Task Throttled_MoreThanThePipelineAllows_FailsAfterExactlyItsAttemptsWithNoSdkRetryStacked()
    {
        // The SDK's RetryHandler alone would retry 3 times; stacked on ours it would multiply the attempts.
        var options = new GraphResilienceOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero, BreakerMinimumThroughput = 1000 };
        var graph = new QueuedGraphHandler().Enqueue(HttpStatusCode.TooManyRequests, 12, TimeSpan.Zero);
        var client = CreateClient(graph, options);

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.GetAsync());

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal(3, graph.Attempts);
    }

    [Fact]
    public async Task WithoutPipeline_TheSdkDoesNotRetryAThrottledCall()
    {
        var graph = new QueuedGraphHandler().Enqueue(HttpStatusCode.TooManyRequests, 1, TimeSpan.Zero);
        var client = GraphClients.Create("https://graph.test/v1.0", new AnonymousAuthenticationProvider(), graph);

        await Assert.ThrowsAsync<ODataError>(() => client.Me.GetAsync());

        Assert.Equal(1, graph.Attempts);
    }

    [Fact]
    public async Task Throttled_RetryAfterOneSecond_TheRetryWaitsAtLeastThatLong()
    {
        var graph = new QueuedGraphHandler().Enqueue(HttpStatusCode.TooManyRequests, 1, TimeSpan.FromSeconds(1)).EnqueueMe();
        var client = CreateClient(graph, Fast);

        await client.Me.GetAsync();

        Assert.Equal(2, graph.AttemptTimes.Count);
        Assert.True(graph.AttemptTimes[1] - graph.AttemptTimes[0] >= TimeSpan.FromSeconds(1), $"{graph.AttemptTimes[1] - graph.AttemptTimes[0]}");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task ServerError_IsRetriedWithBackoff(HttpStatusCode status)
    {
        var graph = new QueuedGraphHandler().Enqueue(status, 2).EnqueueMe();

        var me = await CreateClient(graph, Fast).Me.GetAsync();

        Assert.Equal("u1", me!.Id);
        Assert.Equal(3, graph.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task ClientError_IsNotRetried(HttpStatusCode status)
    {
        var graph = new QueuedGraphHandler().Enqueue(status);

        await Assert.ThrowsAsync<ODataError>(() => CreateClient(graph, Fast).Me.GetAsync());

        Assert.Equal(1, graph.Attempts);
    }

    [Fact]
    public async Task ConnectionReset_IsRetried()
    {
        var graph = new QueuedGraphHandler().EnqueueThrow(new HttpRequestException("reset", new IOException("connection reset"))).EnqueueMe();

        var me = await CreateClient(graph, Fast).Me.GetAsync();

        Assert.Equal("u1", me!.Id);
        Assert.Equal(2, graph.Attempts);
    }

    [Fact]
    public async Task TruncatedBody_IsDetectedInsideTheAttemptAndRetried()
    {
        var graph = new QueuedGraphHandler()
            .Enqueue(() => QueuedGraphHandler.Json(HttpStatusCode.OK, """{"id":"u1","displayName":"Al"""))
            .EnqueueMe();

        var me = await CreateClient(graph, Fast).Me.GetAsync();

        Assert.Equal("Alex", me!.DisplayName);
        Assert.Equal(2, graph.Attempts);
    }

    [Fact]
    public async Task SlowAttempt_TimesOutAndIsRetried()
    {
        var options = new GraphResilienceOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromMilliseconds(200), BreakerMinimumThroughput = 1000 };
        var slow = new SlowOnceHandler(TimeSpan.FromSeconds(10));

        var me = await CreateClient(slow, options).Me.GetAsync();

        Assert.Equal("u1", me!.Id);
        Assert.Equal(2, slow.Attempts);
    }

    [Fact]
    public async Task ParallelCalls_OfOneMailbox_NeverExceedFourInFlight()
    {
        var graph = new QueuedGraphHandler { Latency = TimeSpan.FromMilliseconds(100) }.EnqueueMe(12);
        var pipelines = new GraphResiliencePipelines(Fast, maxConcurrentRequests: 4);
        var client = GraphClients.Create("https://graph.test/v1.0", new AnonymousAuthenticationProvider(), graph, pipelines.For("t/o"));

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.Me.GetAsync()));

        Assert.Equal(12, graph.Attempts);
        Assert.Equal(4, graph.MaxInFlight);
    }

    [Fact]
    public void Pipelines_AreOnePerMailbox()
    {
        var pipelines = new GraphResiliencePipelines(Fast, maxConcurrentRequests: 4);

        Assert.Same(pipelines.For("t/a"), pipelines.For("t/a"));
        Assert.NotSame(pipelines.For("t/a"), pipelines.For("t/b"));
    }

    [Fact]
    public async Task PersistentServerErrors_OpenTheBreakerOfThatMailboxOnly()
    {
        var options = new GraphResilienceOptions
        {
            MaxRetryAttempts = 0,
            BreakerMinimumThroughput = 4,
            BreakerFailureRatio = 0.5,
            BreakerBreakDuration = TimeSpan.FromMinutes(1),
        };
        var pipelines = new GraphResiliencePipelines(options, 4);
        var failing = new QueuedGraphHandler().Enqueue(HttpStatusCode.InternalServerError, 4);
        var client = GraphClients.Create("https://graph.test/v1.0", new AnonymousAuthenticationProvider(), failing, pipelines.For("t/a"));
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ODataError>(() => client.Me.GetAsync());
        }

        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => client.Me.GetAsync());
        Assert.Equal(4, failing.Attempts);

        var other = new QueuedGraphHandler().EnqueueMe();
        var me = await GraphClients.Create("https://graph.test/v1.0", new AnonymousAuthenticationProvider(), other, pipelines.For("t/b")).Me.GetAsync();
        Assert.Equal("u1", me!.Id);
    }

    private static GraphServiceClient CreateClient(HttpMessageHandler graph, GraphResilienceOptions options) =>
        GraphClients.Create("https://graph.test/v1.0", new AnonymousAuthenticationProvider(), graph, new GraphResiliencePipelines(options, 4).For("tenant/object"));

    private sealed class SlowOnceHandler(TimeSpan firstDelay) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                await Task.Delay(firstDelay, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"id":"u1","displayName":"Alex"}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}

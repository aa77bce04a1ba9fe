using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Reconnect.Graph.Resilience;

namespace Reconnect.Graph;

/// <summary>Builds Graph SDK clients with the handler chain Reconnect wants.</summary>
public static class GraphClients
{
    /// <summary>
    /// A <see cref="GraphServiceClient"/> against <paramref name="baseUrl"/>. The SDK's own
    /// RetryHandler is taken out of the chain: retries belong to one policy only (design.md), and
    /// stacking two multiplies the attempts Graph sees while throttling. When
    /// <paramref name="resilience"/> is given (the mailbox's pipeline, see
    /// <see cref="GraphResiliencePipelines"/>), it takes the RetryHandler's place.
    /// </summary>
    public static GraphServiceClient Create(string baseUrl, IAuthenticationProvider authentication, HttpMessageHandler? innerHandler = null, GraphResilience? resilience = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retryAt = handlers.FindIndex(handler => handler is RetryHandler);
        handlers.RemoveAll(handler => handler is RetryHandler);
        if (resilience is not null)
        {
            handlers.Insert(retryAt < 0 ? 0 : retryAt, new GraphResilienceHandler(resilience));
        }

        var httpClient = GraphClientFactory.Create(handlers, finalHandler: innerHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        });
        if (resilience is not null)
        {
            // The pipeline owns the timeouts (per attempt and in total); HttpClient's 100 s default would cut it short.
            httpClient.Timeout = Timeout.InfiniteTimeSpan;
        }

        return new GraphServiceClient(httpClient, authentication, baseUrl);
    }
}

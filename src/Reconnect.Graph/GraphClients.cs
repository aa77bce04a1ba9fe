using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace Reconnect.Graph;

/// <summary>Builds Graph SDK clients with the handler chain Reconnect wants.</summary>
public static class GraphClients
{
    /// <summary>
    /// A <see cref="GraphServiceClient"/> against <paramref name="baseUrl"/>. The SDK's own
    /// RetryHandler is taken out of the chain: retries belong to one policy only (design.md), and
    /// stacking two multiplies the attempts Graph sees while throttling.
    /// </summary>
    public static GraphServiceClient Create(string baseUrl, IAuthenticationProvider authentication, HttpMessageHandler? innerHandler = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().Where(handler => handler is not RetryHandler).ToList();
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: innerHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        });
        return new GraphServiceClient(httpClient, authentication, baseUrl);
    }
}

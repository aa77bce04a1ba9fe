using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Reconnect.GraphSimulator.Tests.Support;

/// <summary>A started simulator plus the real Graph SDK and a raw HttpClient pointed at it.</summary>
internal sealed class SimulatorSession : IAsyncDisposable
{
    private SimulatorSession(GraphSimulatorServer server)
    {
        Server = server;
        Http = new HttpClient();
        Graph = new GraphServiceClient(Http, new AnonymousAuthenticationProvider(), server.BaseUrl);
    }

    public GraphSimulatorServer Server { get; }

    public GraphMailboxSimulator Simulator => Server.Simulator;

    public HttpClient Http { get; }

    public GraphServiceClient Graph { get; }

    public static async Task<SimulatorSession> StartAsync(string fixturePath) =>
        new(await GraphSimulatorServer.StartAsync(fixturePath, TestContext.CancellationToken));

    public static Task<SimulatorSession> StartSampleAsync() => StartAsync(TestMailbox.SamplePath);

    /// <summary>A raw GET relative to the Graph base URL ("me/mailFolders?$top=1").</summary>
    public Task<HttpResponseMessage> GetAsync(string relative, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, relative.StartsWith("http", StringComparison.Ordinal) ? relative : Server.BaseUrl + "/" + relative);
        configure?.Invoke(request);
        return Http.SendAsync(request, TestContext.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Graph.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>xunit v2 has no ambient test cancellation token; one place to change when moving to v3.</summary>
internal static class TestContext
{
    public static CancellationToken CancellationToken => CancellationToken.None;
}

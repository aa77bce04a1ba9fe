using Microsoft.Extensions.Options;
using Reconnect.Api.Infrastructure;
using Reconnect.GraphSimulator;

namespace Reconnect.Api.Demo;

/// <summary>
/// Runs the Graph simulator beside the API for the demo user, over loopback HTTP, so the demo
/// exercises the real Graph SDK and wire format without a Microsoft 365 tenant. The simulator's
/// settings (<c>GraphSimulator:Port</c>, <c>GraphSimulator:Faults:*</c>) come from the API's configuration.
/// </summary>
internal sealed class DemoMailboxHost(
    IOptions<DemoOptions> options,
    IOptions<StorageOptions> storage,
    IOptions<GraphSimulatorOptions> simulatorOptions,
    ILogger<DemoMailboxHost> logger) : IHostedService, IAsyncDisposable
{
    private GraphSimulatorServer? _server;

    /// <summary>The simulator's Graph root, e.g. http://127.0.0.1:5123/v1.0.</summary>
    public string BaseUrl => _server?.BaseUrl ?? throw new InvalidOperationException("The demo mailbox is not running yet.");

    public GraphSimulatorServer Server => _server ?? throw new InvalidOperationException("The demo mailbox is not running yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.MailboxPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = DemoMailbox.EnsureGenerated(storage.Value.DataFolder);
        }

        _server = await GraphSimulatorServer.StartAsync(GraphMailboxSimulator.Load(path), simulatorOptions.Value, cancellationToken);
        logger.LogInformation("Demo mailbox {Path} served by the Graph simulator at {BaseUrl}", path, _server.BaseUrl);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

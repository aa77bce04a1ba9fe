using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reconnect.GraphSimulator.Fixtures;

namespace Reconnect.GraphSimulator;

/// <summary>
/// A self-hosted simulator: its own small Kestrel app on 127.0.0.1, for the product's demo mode,
/// tests and benchmarks. Point the Graph SDK at <see cref="BaseUrl"/>.
/// </summary>
public sealed class GraphSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphSimulatorServer(WebApplication app, GraphMailboxSimulator simulator, string origin)
    {
        _app = app;
        Simulator = simulator;
        Origin = origin;
    }

    /// <summary>The Graph service root, <c>http://127.0.0.1:{port}/v1.0</c>.</summary>
    public string BaseUrl => Origin + "/v1.0";

    /// <summary><c>http://127.0.0.1:{port}</c>; the control endpoints live under <c>/simulator</c>.</summary>
    public string Origin { get; }

    public GraphMailboxSimulator Simulator { get; }

    /// <inheritdoc cref="GraphMailboxSimulator.RequestCount"/>
    public long RequestCount => Simulator.RequestCount;

    /// <inheritdoc cref="GraphMailboxSimulator.ResetRequestCount"/>
    public void ResetRequestCount() => Simulator.ResetRequestCount();

    /// <inheritdoc cref="GraphMailboxSimulator.ApplyNextChanges"/>
    public bool ApplyNextChanges() => Simulator.ApplyNextChanges();

    /// <summary>Loads a fixture folder and serves it.</summary>
    public static Task<GraphSimulatorServer> StartAsync(string fixturePath, CancellationToken cancellationToken = default) =>
        StartAsync(new GraphMailboxSimulator(MailboxFixture.Load(fixturePath)), options: null, cancellationToken);

    /// <summary>Serves a loaded fixture.</summary>
    public static Task<GraphSimulatorServer> StartAsync(MailboxFixture fixture, CancellationToken cancellationToken = default) =>
        StartAsync(new GraphMailboxSimulator(fixture), options: null, cancellationToken);

    /// <summary>Serves a simulator with the given settings.</summary>
    public static async Task<GraphSimulatorServer> StartAsync(GraphMailboxSimulator simulator, GraphSimulatorOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        options ??= new GraphSimulatorOptions();

        // The empty builder reads no appsettings or environment variables: a simulator started
        // inside the product must not pick up the product's URLs, logging or Kestrel settings.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOptions<GraphSimulatorOptions>()
            .Configure(bound =>
            {
                bound.Port = options.Port;
                bound.Faults = options.Faults;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var app = builder.Build();
        simulator.Faults.Configure(options.Faults);
        app.MapGraphSimulator(simulator);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new GraphSimulatorServer(app, simulator, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net.Http.Json;
using Reconnect.GraphSimulator;

namespace Reconnect.Benchmarks;

/// <summary>
/// The Graph simulator in a process of its own, so the sync's memory and CPU are measured apart
/// from the server's, as they would be against Microsoft Graph.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private const string ReadyLine = "SIMULATOR ";
    private readonly BenchChild _child;
    private readonly HttpClient _control;

    private SimulatorProcess(BenchChild child, string origin)
    {
        _child = child;
        Origin = origin;
        _control = new HttpClient { BaseAddress = new Uri(origin) };
    }

    public string Origin { get; }

    public string BaseUrl => Origin + "/v1.0";

    /// <summary>The child's entry point: serve a fixture until stdin closes, throttling a share of requests (strict Retry-After).</summary>
    public static async Task<int> ServeAsync(string fixturePath, double throttleRate = 0, int retryAfterSeconds = 1)
    {
        var options = new GraphSimulatorOptions
        {
            Faults = new Reconnect.GraphSimulator.Faults.FaultOptions { ThrottleRate = throttleRate, RetryAfterSeconds = retryAfterSeconds, StrictRetryAfter = true },
        };
        await using var server = await GraphSimulatorServer.StartAsync(GraphMailboxSimulator.Load(fixturePath), options);
        await BenchChild.ServeUntilStdinClosesAsync(ReadyLine + server.Origin);
        return 0;
    }

    public static async Task<SimulatorProcess> StartAsync(string fixturePath, double throttleRate = 0, int retryAfterSeconds = 1)
    {
        var child = await BenchChild.StartAsync(ReadyLine, null, "serve", fixturePath,
            throttleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SimulatorProcess(child, child.Ready);
    }

    public async Task<long> RequestCountAsync() =>
        (await _control.GetFromJsonAsync<State>("/simulator/state"))!.RequestCount;

    /// <summary>429s answered, and requests that came back before their Retry-After.</summary>
    public async Task<(long Throttled, long Violations)> ThrottlingAsync()
    {
        var state = (await _control.GetFromJsonAsync<State>("/simulator/state"))!;
        return (state.Throttled, state.RetryAfterViolations);
    }

    /// <summary>Applies every pending change file.</summary>
    public async Task ApplyAllChangesAsync()
    {
        while ((await _control.PostAsync("/simulator/changes/next", null)).IsSuccessStatusCode)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _child.Dispose();
        _control.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record State(long RequestCount, long Throttled, long RetryAfterViolations);
}

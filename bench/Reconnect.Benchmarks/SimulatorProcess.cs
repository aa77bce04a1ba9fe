using System.Diagnostics;
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
    private readonly Process _process;
    private readonly HttpClient _control;

    private SimulatorProcess(Process process, string origin)
    {
        _process = process;
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
        Console.WriteLine(ReadyLine + server.Origin);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public static async Task<SimulatorProcess> StartAsync(string fixturePath, double throttleRate = 0, int retryAfterSeconds = 1)
    {
        var self = typeof(SimulatorProcess).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(fixturePath);
        start.ArgumentList.Add(throttleRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
            {
                return new SimulatorProcess(process, line[ReadyLine.Length..].Trim());
            }
        }

        throw new InvalidOperationException("The simulator process ended before it was ready.");
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

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _control.Dispose();
        _process.Dispose();
    }

    private sealed record State(long RequestCount, long Throttled, long RetryAfterViolations);
}

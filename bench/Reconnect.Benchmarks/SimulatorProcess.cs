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

    /// <summary>The child's entry point: serve a fixture until stdin closes.</summary>
    public static async Task<int> ServeAsync(string fixturePath)
    {
        await using var server = await GraphSimulatorServer.StartAsync(fixturePath);
        Console.WriteLine(ReadyLine + server.Origin);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public static async Task<SimulatorProcess> StartAsync(string fixturePath)
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

    private sealed record State(long RequestCount);
}

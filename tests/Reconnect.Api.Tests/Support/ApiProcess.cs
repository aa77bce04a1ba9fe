using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// The API as a real process (<c>dotnet Reconnect.Api.dll</c> from the test output folder), for
/// tests that must kill it the hard way. Its output is kept in memory for failure messages.
/// </summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ApiProcess Start(int port, IDictionary<string, string> environment)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(folder, "Reconnect.Api.dll")}\"")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    /// <summary>Waits until GET /health answers, or fails with the process's last words.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}:\n{Tail}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The API did not answer /health within {timeout}:\n{Tail}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash does.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}

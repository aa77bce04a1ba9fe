using System.Diagnostics;

namespace Reconnect.Benchmarks;

/// <summary>
/// This program started again as a child running another command, so a server's CPU and memory
/// are measured apart from whatever drives it. The child says it is ready with one line on
/// stdout and runs until its stdin closes.
/// </summary>
internal sealed class BenchChild : IDisposable
{
    private BenchChild(Process process, string ready)
    {
        Process = process;
        Ready = ready;
    }

    public Process Process { get; }

    /// <summary>What followed the ready prefix on the child's ready line (e.g. its origin).</summary>
    public string Ready { get; }

    public static async Task<BenchChild> StartAsync(string readyPrefix, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchChild).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(readyPrefix, StringComparison.Ordinal))
            {
                return new BenchChild(process, line[readyPrefix.Length..].Trim());
            }

            Console.WriteLine(line);
        }

        throw new InvalidOperationException($"The child '{string.Join(' ', arguments)}' ended before it was ready.");
    }

    /// <summary>The child's side: announce readiness, then wait until the parent closes stdin.</summary>
    public static async Task ServeUntilStdinClosesAsync(string readyLine)
    {
        Console.WriteLine(readyLine);
        await Console.In.ReadToEndAsync();
    }

    public void Dispose()
    {
        Process.StandardInput.Close();
        if (!Process.WaitForExit(10_000))
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}

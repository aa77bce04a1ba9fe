using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Benchmarks;

/// <summary>
/// The read endpoints under load over loopback HTTP: a seeded database of many users, the API in
/// a process of its own (<see cref="LoadServer"/>), and wrk in a third, sending each request with a
/// random user's token. Prints requests/s, latency percentiles and errors per endpoint, and the
/// API process's CPU per request and memory.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly string[] DefaultEndpoints = ["/api/suggestions", "/api/correspondents"];

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var users = arguments.Int("users", 1000);
        var correspondents = arguments.Int("correspondents", 2000);
        var seconds = arguments.Int("duration", 30);
        var warmup = arguments.Int("warmup", 10);
        var connections = arguments.Int("connections", 16);
        var threads = arguments.Int("threads", 1);
        var endpoints = arguments.String("endpoints")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? DefaultEndpoints;
        // Every user is active in this load, so by default the people cache holds them all.
        var cacheCapacity = arguments.Int("cache-capacity", users * correspondents);
        if (!WrkIsInstalled())
        {
            Console.Error.WriteLine("The load command drives the API with wrk: sudo apt-get install -y wrk");
            return 2;
        }

        var database = BenchDatabase.For(arguments, $"reconnect_load_{users}x{correspondents}");
        if (arguments.Int("reseed", 0) == 1)
        {
            await database.DropAsync();
        }

        await SeedAsync(database, users, correspondents);

        var tokens = new BenchTokens();
        var tokenFile = Path.Combine(Path.GetTempPath(), $"reconnect-load-tokens-{Environment.ProcessId}.txt");
        await File.WriteAllLinesAsync(tokenFile, Enumerable.Range(0, users).Select(u => tokens.Sign(BenchTokens.ObjectId(u), $"Load User {u}", TimeSpan.FromHours(6))));
        var script = Path.Combine(Path.GetTempPath(), $"reconnect-load-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, WrkScript);
        try
        {
            using var api = await BenchChild.StartAsync(LoadServer.ReadyLine, ServerEnvironment(database, tokens, cacheCapacity), "load-serve");
            var origin = api.Ready.Split(' ')[0];
            Console.WriteLine($"api:      {api.Ready} (pid {api.Process.Id}), Production, JWT bearer via Microsoft.Identity.Web, People:CacheCapacity {cacheCapacity:N0}");
            await FirstRequestsAsync(origin, tokenFile, endpoints);

            Console.WriteLine($"load:     wrk, {threads} thread(s), {connections} connections, {warmup} s warm-up then {seconds} s per endpoint, a random user's token per request");
            foreach (var endpoint in endpoints)
            {
                await RunWrkAsync(script, tokenFile, origin + endpoint, threads, connections, warmup);
                var cpu = CpuTime(api.Process);
                var load = LoadAverage();
                var result = await RunWrkAsync(script, tokenFile, origin + endpoint, threads, connections, seconds);
                var cpuPerRequest = (CpuTime(api.Process) - cpu).TotalMicroseconds / Math.Max(1, result.Requests);
                Console.WriteLine($"{endpoint,-22} {result.Requests / result.Seconds,8:N0} requests/s  p50 {result.P50:F2} ms  p99 {result.P99:F2} ms  p99.9 {result.P999:F2} ms  max {result.Max:F2} ms  "
                    + $"errors {result.Errors}  API CPU {cpuPerRequest:F0} µs/request  (load average {load} before, {LoadAverage()} after)");
            }

            api.Process.Refresh();
            Console.WriteLine($"api memory: working set {api.Process.WorkingSet64 / 1024.0 / 1024.0:F0} MB, peak {api.Process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB ({users:N0} users' people cached)");
        }
        finally
        {
            File.Delete(tokenFile);
            File.Delete(script);
        }

        return 0;
    }

    private static async Task SeedAsync(BenchDatabase database, int users, int correspondents)
    {
        // The content root is where settings files are watched, recursively: this program's folder, not the working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        database.ApplyTo(builder.Configuration);
        builder.Configuration["Storage:DataFolder"] = Path.GetTempPath();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddStorage();
        using var host = builder.Build();
        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var clock = Stopwatch.StartNew();
        var seeded = await LoadSeeder.SeedAsync(db, users, correspondents);
        Console.WriteLine($"database: {database.Description}: {users:N0} users × {correspondents:N0} correspondents, "
            + $"{await db.Interactions.LongCountAsync():N0} interactions, {await db.People.LongCountAsync():N0} people"
            + (seeded ? $" (seeded in {clock.Elapsed.TotalSeconds:F0} s)" : " (already seeded)"));
        await host.StopAsync();
    }

    private static Dictionary<string, string> ServerEnvironment(BenchDatabase database, BenchTokens tokens, int cacheCapacity)
    {
        var settings = database.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        settings["Demo__Enabled"] = "false";
        settings["AzureAd__Instance"] = BenchTokens.Instance;
        settings["AzureAd__TenantId"] = BenchTokens.TenantId;
        settings["AzureAd__ClientId"] = BenchTokens.ClientId;
        settings["Graph__BaseUrl"] = "https://graph.invalid/v1.0";
        settings["Storage__DataFolder"] = Path.GetTempPath();
        settings["Clock__Now"] = LoadSeeder.Now.ToString("O", CultureInfo.InvariantCulture);
        settings["Logging__LogLevel__Default"] = "Warning";
        settings["People__CacheCapacity"] = cacheCapacity.ToString(CultureInfo.InvariantCulture);
        settings[LoadServer.SigningKeyVariable] = tokens.PublicKey;
        // The API's own runtimeconfig asks for the server GC; this program's does not.
        settings["DOTNET_gcServer"] = "1";
        settings["DOTNET_gcConcurrent"] = "1";
        return settings;
    }

    /// <summary>
    /// One request per user and endpoint before any timing: each user's first request loads their
    /// people into the API's cache, which a running instance has long done.
    /// </summary>
    private static async Task FirstRequestsAsync(string origin, string tokenFile, string[] endpoints)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = new Uri(origin) };
        var lines = await File.ReadAllLinesAsync(tokenFile);
        await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (token, cancellationToken) =>
        {
            foreach (var endpoint in endpoints)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        });
        Console.WriteLine($"warm:     first request of each of {lines.Length:N0} users to {string.Join(" and ", endpoints)} in {clock.Elapsed.TotalSeconds:F1} s (people cache filled)");
    }

    private sealed record WrkResult(long Requests, double Seconds, long Errors, double P50, double P99, double P999, double Max);

    private static async Task<WrkResult> RunWrkAsync(string script, string tokenFile, string url, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", $"{threads}", "-c", $"{connections}", "-d", $"{seconds}s", "--timeout", "5s", "-s", script, url, "--", tokenFile })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result:\n{output}");
        var values = line[7..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        return new WrkResult((long)values["requests"], values["duration_us"] / 1e6, (long)values["errors"],
            values["p50"] / 1000, values["p99"] / 1000, values["p999"] / 1000, values["max"] / 1000);
    }

    private static bool WrkIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, "wrk")));

    private static TimeSpan CpuTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The 1-minute load average: the machine is shared, so each figure says how busy it was.</summary>
    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>
    /// wrk's script: every thread reads the tokens once and signs each request as a random user;
    /// the summary line reports latency in microseconds, and every non-2xx answer, timeout or
    /// socket error as an error.
    /// </summary>
    private const string WrkScript = """
        local tokens = {}
        local counter = 0

        function setup(thread)
          counter = counter + 1
          thread:set("id", counter)
        end

        function init(args)
          for line in io.lines(args[1]) do
            tokens[#tokens + 1] = "Bearer " .. line
          end
          math.randomseed(os.time() * 1000 + id)
        end

        function request()
          return wrk.format("GET", nil, { ["Authorization"] = tokens[math.random(#tokens)] })
        end

        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50=%d p99=%d p999=%d max=%d\n",
            summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
            latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
        end
        """;
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Api.Sync;
using Reconnect.Graph;
using Reconnect.Graph.Resilience;
using Reconnect.GraphSimulator.Generation;

namespace Reconnect.Benchmarks;

/// <summary>
/// A full sync of a generated mailbox through the Graph SDK and the simulator over loopback HTTP,
/// then an incremental sync after a change file, with the product's own storage and sync runner.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var messages = arguments.Int("messages", 100_000);
        var seed = arguments.Int("seed", 7);
        var pageSize = arguments.Int("page-size", 1000);
        var changeRate = arguments.Double("changes", 0.01);
        var throttle = arguments.Double("throttle", 0);
        var retryAfter = arguments.Int("retry-after", 1);
        var calendar = arguments.Int("calendar", 0) == 1; // --calendar 1: events.jsonl too
        var warmUp = arguments.Int("warmup", 1) == 1; // --warmup 0: measure the process's very first sync
        var concurrent = arguments.Int("concurrent", 0); // --concurrent N: N users' full syncs at once, for memory per sync
        var database = BenchDatabase.For(arguments, $"reconnect_sync_{Environment.ProcessId}");

        var fixture = Path.Combine(Path.GetTempPath(), $"reconnect-bench-mailbox-{messages}-{seed}-{changeRate}{(calendar ? "-calendar" : "")}");
        var generation = Stopwatch.StartNew();
        if (!File.Exists(Path.Combine(fixture, "expected-correspondents.csv")))
        {
            MailboxGenerator.Generate(new GeneratorOptions { MessageCount = messages, Seed = seed, Gzip = true, ChangeBatches = 1, ChangeRate = changeRate, Calendar = calendar }, fixture);
        }

        Console.WriteLine($"mailbox: {messages:N0} messages, seed {seed}, {fixture} (ready in {generation.Elapsed.TotalSeconds:F1} s)");
        var floor = RequestFloor(fixture, messages, pageSize);

        await using var simulator = await SimulatorProcess.StartAsync(fixture, throttle, retryAfter);
        if (throttle > 0)
        {
            Console.WriteLine($"faults: {throttle:P0} of requests answered 429 with Retry-After: {retryAfter} (strict)");
        }

        var dataFolder = Directory.CreateTempSubdirectory("reconnect-bench-data-").FullName;
        Console.WriteLine($"database: {database.Description}");
        using var host = BuildHost(dataFolder, database, simulator.BaseUrl, pageSize);
        await host.StartAsync();
        try
        {
            await (concurrent > 0 ? MeasureConcurrentAsync(host, concurrent) : MeasureAllAsync(host, simulator, floor, database, warmUp));
        }
        finally
        {
            await host.StopAsync();
            await database.DropAsync();
            Directory.Delete(dataFolder, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAllAsync(IHost host, SimulatorProcess simulator, int floor, BenchDatabase database, bool warmUp)
    {
        var idle = Process.GetCurrentProcess().WorkingSet64;
        if (warmUp)
        {
            // A server has synced before: the first sync of a process also pays for JIT compilation
            // (several seconds of CPU), so it runs first, for another user, and is reported apart.
            var first = await MeasureAsync(host, simulator, WarmUpUser);
            Console.WriteLine($"warm-up sync:     {first.Processed:N0} items, {first.Cpu.TotalSeconds:F2} s CPU (first sync in this process, another user)");
        }

        var full = await MeasureAsync(host, simulator, User);
        Console.WriteLine($"full sync:        {full.Processed:N0} items in {full.Elapsed.TotalSeconds:F2} s wall = {full.Processed / full.Elapsed.TotalSeconds:N0} messages/s; "
            + $"{full.Cpu.TotalSeconds:F2} s CPU = {full.Processed / full.Cpu.TotalSeconds:N0} messages per CPU-second; "
            + $"{full.Requests} Graph requests (floor {floor}, allowed {floor + 3})");
        var (throttled, violations) = await simulator.ThrottlingAsync();
        Console.WriteLine($"throttling:       {throttled} answered 429, {violations} retries before Retry-After");

        await simulator.ApplyAllChangesAsync();
        var incremental = await MeasureAsync(host, simulator, User);
        Console.WriteLine($"incremental sync: {incremental.Processed:N0} changed items in {incremental.Elapsed.TotalSeconds:F2} s wall, {incremental.Cpu.TotalSeconds:F2} s CPU; {incremental.Requests} Graph requests");

        var mailboxId = await MailboxIdAsync(host, User);
        var correspondents = await CountCorrespondentsAsync(host, mailboxId);
        Console.WriteLine($"index:            {correspondents:N0} correspondents, {await CountMeetingsAsync(host, mailboxId):N0} meeting interactions");
        var where = database.Provider == DatabaseProvider.Sqlite ? "sync and SQLite" : "sync; PostgreSQL and the simulator run apart";
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB (this process: {where}{(warmUp ? ", two syncs" : "")}; "
            + $"{idle / 1024.0 / 1024.0:F0} MB when started, before any sync)");
        Console.WriteLine($"load average:     {LoadBenchmark.LoadAverage()} (1 minute, at the end)");
    }

    /// <summary>
    /// Memory per active sync: <paramref name="count"/> users' full syncs of the mailbox at once,
    /// the working set sampled throughout and compared with the settled process before they start.
    /// </summary>
    private static async Task MeasureConcurrentAsync(IHost host, int count)
    {
        var runner = host.Services.GetRequiredService<MailboxSyncRunner>();
        var users = Enumerable.Range(0, count).Select(i => new UserIdentity("bench-tenant", $"bench-user-{i}", $"Benchmark {i}")).ToList();
        var mailboxes = new List<int>();
        foreach (var user in users)
        {
            mailboxes.Add(await MailboxIdAsync(host, user));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseline = self.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(50);
            }
        });

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await runner.StartAsync(mailboxes[i], users[i], CancellationToken.None);
        }

        await Task.WhenAll(mailboxes.Select(runner.WhenIdleAsync));
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;

        long processed = 0;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            foreach (var sync in await scope.ServiceProvider.GetRequiredService<ReconnectDbContext>().MailboxSyncs.AsNoTracking().ToListAsync())
            {
                processed += sync.State == SyncState.Completed ? sync.MessagesProcessed : throw new InvalidOperationException($"A sync ended {sync.State}: {sync.Error}");
            }
        }

        const double MB = 1024.0 * 1024.0;
        Console.WriteLine($"{count} concurrent full syncs: {processed:N0} items in {clock.Elapsed.TotalSeconds:F1} s wall = {processed / clock.Elapsed.TotalSeconds:N0} messages/s");
        Console.WriteLine($"working set:      {baseline / MB:F0} MB settled before, {peak / MB:F0} MB peak during: {(peak - baseline) / MB / count:F0} MB per active sync");
        Console.WriteLine($"load average:     {LoadBenchmark.LoadAverage()} (1 minute, at the end)");
    }

    /// <summary>
    /// The fewest requests a sync can make: one delta call per folder and per full page, plus listing
    /// the folders; with a calendar, one calendarView delta call per page of its events.
    /// </summary>
    private static int RequestFloor(string fixture, int messages, int pageSize)
    {
        var eventsPath = Path.Combine(fixture, "events.jsonl");
        var calendarPages = File.Exists(eventsPath) ? Math.Max(1, (int)Math.Ceiling(File.ReadLines(eventsPath).Count() / (double)pageSize)) : 0;
        using var folders = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture, "folders.json")));
        var all = folders.RootElement.EnumerateArray().Where(f => f.GetProperty("parentFolderId").ValueKind != JsonValueKind.Null).ToList();
        var listing = 1 + all.Count(f => f.TryGetProperty("childFolderCount", out var c) && c.GetInt32() > 0);
        return all.Count + (int)Math.Ceiling(messages / (double)pageSize) + listing + calendarPages;
    }

    private static IHost BuildHost(string dataFolder, BenchDatabase database, string graphBaseUrl, int pageSize)
    {
        // The content root is where appsettings files are looked for and watched, recursively: an empty
        // folder, so no settings file applies and no watcher scans the working directory during the run.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataFolder });
        builder.Configuration["Storage:DataFolder"] = dataFolder;
        database.ApplyTo(builder.Configuration);
        builder.Configuration["Graph:BaseUrl"] = graphBaseUrl;
        builder.Configuration["Graph:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddMailboxSync();
        // The sync rebuilds the people after its pages, as the API does: that is part of a full sync.
        builder.Services.AddScoped<MailboxDirectory>();
        builder.AddPeople();
        builder.Services.AddSingleton<IGraphClientSource>(services => new SimulatorGraph(graphBaseUrl, services.GetRequiredService<GraphResiliencePipelines>()));
        return builder.Build();
    }

    private static async Task<(long Processed, TimeSpan Elapsed, TimeSpan Cpu, long Requests)> MeasureAsync(IHost host, SimulatorProcess simulator, UserIdentity user)
    {
        var runner = host.Services.GetRequiredService<MailboxSyncRunner>();
        var mailboxId = await MailboxIdAsync(host, user);
        var requestsBefore = await simulator.RequestCountAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await runner.StartAsync(mailboxId, user, CancellationToken.None);
        await runner.WhenIdleAsync(mailboxId);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        await using var scope = host.Services.CreateAsyncScope();
        var sync = await scope.ServiceProvider.GetRequiredService<ReconnectDbContext>().MailboxSyncs.AsNoTracking().SingleAsync(s => s.MailboxId == mailboxId);
        if (sync.State != SyncState.Completed)
        {
            throw new InvalidOperationException($"The sync ended {sync.State}: {sync.Error}");
        }

        return (sync.MessagesProcessed, clock.Elapsed, cpu, await simulator.RequestCountAsync() - requestsBefore);
    }

    private static readonly UserIdentity User = new("bench-tenant", "bench-user", "Benchmark");
    private static readonly UserIdentity WarmUpUser = new("bench-tenant", "bench-warm-up", "Warm-up");

    private static async Task<int> MailboxIdAsync(IHost host, UserIdentity user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailboxDirectory>().GetOrCreateAsync(user, CancellationToken.None);
    }

    private static async Task<int> CountCorrespondentsAsync(IHost host, int mailboxId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReconnectDbContext>().Correspondents.CountAsync(c => c.MailboxId == mailboxId);
    }

    private static async Task<int> CountMeetingsAsync(IHost host, int mailboxId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReconnectDbContext>().Interactions.CountAsync(i => i.MailboxId == mailboxId && i.Kind == Reconnect.Core.People.InteractionKind.Meeting);
    }

    // With the product's resilience pipeline, as the API builds it: the retries are part of what is measured.
    private sealed class SimulatorGraph(string baseUrl, GraphResiliencePipelines resilience) : IGraphClientSource
    {
        public GraphServiceClient For(UserIdentity user) => GraphClients.Create(baseUrl, new AnonymousAuthenticationProvider(), resilience: resilience.For(user.MailboxKey()));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;
using Xunit.Abstractions;

namespace Reconnect.Api.Tests.Scaling;

/// <summary>
/// Several API instances on one PostgreSQL database, each with its own Graph simulator serving the
/// same mailbox (as several instances reach the same Graph): one sync per mailbox across all of
/// them, its status visible from each, and a dead instance's sync resumed by a live one.
/// </summary>
public sealed class MultiInstanceSyncTests(Generated20kMailbox mailbox, ITestOutputHelper output) : IClassFixture<Generated20kMailbox>
{
    [Fact]
    public async Task TwoApiProcessesAskedToSyncTheSameUserAtOnceRunOneSyncAndReachTheExactGroundTruth()
    {
        using var database = new PostgresTestDatabase();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        // Each process serves the mailbox from a Graph simulator of its own, on a port the test can ask.
        var simulators = new[] { ApiProcess.FreePort(), ApiProcess.FreePort() };
        using var first = ApiProcess.Start(ApiProcess.FreePort(), ProcessEnvironment(database, simulators[0]));
        using var second = ApiProcess.Start(ApiProcess.FreePort(), ProcessEnvironment(database, simulators[1]));
        // Both processes up (and the database migrated) before the race.
        await Task.WhenAll(first.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60)), second.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60)));
        var clients = new[] { new HttpClient { BaseAddress = first.Address }, new HttpClient { BaseAddress = second.Address } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => clients[i % 2].PostAsync("/api/sync", null)));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));

        // Progress is visible from the process that is not syncing too.
        var seenRunning = new bool[2];
        SyncStatus[] statuses;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        do
        {
            await Task.Delay(100);
            statuses = await Task.WhenAll(clients.Select(async c => (await c.GetFromJsonAsync<SyncStatus>("/api/sync"))!));
            for (var i = 0; i < 2; i++)
            {
                seenRunning[i] |= statuses[i].State == "running" && statuses[i].MessagesProcessed > 0;
            }
        }
        while (statuses.Any(s => s.State == "running") && DateTime.UtcNow < deadline);

        var requests = await Task.WhenAll(simulators.Select(port => GraphRequestsAsync(http, port)));
        output.WriteLine($"Graph requests: {requests[0]} and {requests[1]}; final {statuses[0]}");
        Assert.All(statuses, s => Assert.Equal("completed", s.State));
        Assert.Equal(statuses[0], statuses[1]);
        Assert.All(seenRunning, Assert.True);
        // One sync: one process read the mailbox, the other never called Graph.
        Assert.Equal(0, requests.Min());
        Assert.True(requests.Max() > 0, "neither process read the mailbox");
        Assert.InRange(statuses[0].MessagesProcessed, 18_000, 20_000);
        Assert.Equal(statuses[0].MessagesProcessed, statuses[0].MessagesEstimated);
        foreach (var client in clients)
        {
            CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(mailbox.ExpectedCsv), await IndexReader.ReadAllAsync(client), compareAutomated: false);
        }
    }

    [Fact]
    public async Task AKilledInstancesLeaseExpiresAndAnotherInstanceResumesItsSync()
    {
        using var database = new PostgresTestDatabase();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var environment = ProcessEnvironment(database, simulatorPort: 0);
        // Slower pages on the doomed instance: its sync outlasts the wait below on any machine,
        // since Graph's latency, not the CPU, sets its pace (about 50 rounds of 60 ms).
        environment["Graph__PageSize"] = "100";
        environment["GraphSimulator__Faults__LatencyMs"] = "60";

        using var doomed = ApiProcess.Start(ApiProcess.FreePort(), environment);
        await doomed.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
        await using var survivor = new ReconnectApplication(mailbox.Folder, settings: Settings(database));
        var client = survivor.CreateClient();

        using (var started = await http.PostAsync(new Uri(doomed.Address, "/api/sync"), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        SyncStatus status;
        var startDeadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        do
        {
            await Task.Delay(100);
            status = (await client.GetFromJsonAsync<SyncStatus>("/api/sync"))!;
            Assert.True(DateTime.UtcNow < startDeadline, $"the first instance's sync never got going: {status}\n{doomed.Tail}");
        }
        while (status.State != "running" || status.MessagesProcessed < 2_000);

        // Asked while the other instance holds the lease: accepted, and left to the holder.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/sync", null)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, survivor.DemoMailbox.Server.RequestCount);

        doomed.Kill();
        var killedAt = (await client.GetFromJsonAsync<SyncStatus>("/api/sync"))!;
        Assert.Equal("running", killedAt.State);

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        do
        {
            await Task.Delay(100);
            status = (await client.GetFromJsonAsync<SyncStatus>("/api/sync"))!;
        }
        while (status.State == "running" && DateTime.UtcNow < deadline);

        output.WriteLine($"killed at {killedAt.MessagesProcessed} processed; survivor made {survivor.DemoMailbox.Server.RequestCount} Graph requests; final {status}");
        Assert.Equal("completed", status.State);
        Assert.True(survivor.DemoMailbox.Server.RequestCount > 0, "the surviving instance never resumed the sync");
        Assert.InRange(status.MessagesProcessed, 18_000, 20_000);
        CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(mailbox.ExpectedCsv), await IndexReader.ReadAllAsync(client), compareAutomated: false);
    }

    [Fact]
    public async Task AnInstanceThatShutsDownReleasesItsLeaseSoAnotherTakesOverAtOnce()
    {
        using var database = new PostgresTestDatabase();
        var settings = Settings(database);
        // Far longer than the test: only a released lease lets the other instance in.
        settings["Sync:LeaseSeconds"] = "600";
        await using var survivor = new ReconnectApplication(mailbox.Folder, settings: settings);
        var client = survivor.CreateClient();
        await client.GetAsync("/api/sync");
        var leaving = new ReconnectApplication(mailbox.Folder, settings: settings);
        Assert.Equal(HttpStatusCode.Accepted, (await leaving.CreateClient().PostAsync("/api/sync", null)).StatusCode);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        SyncStatus status;
        do
        {
            await Task.Delay(100);
            status = (await client.GetFromJsonAsync<SyncStatus>("/api/sync"))!;
            Assert.True(DateTime.UtcNow < deadline, $"the first instance's sync never got going: {status}");
        }
        while (status.State != "running" || status.MessagesProcessed < 2_000);

        await leaving.DisposeAsync();
        Assert.Equal("running", (await client.GetFromJsonAsync<SyncStatus>("/api/sync"))!.State);
        var final = await survivor.SyncAsync(client, TimeSpan.FromMinutes(3));

        output.WriteLine($"handed over at {status.MessagesProcessed}; final {final}");
        Assert.Equal("completed", final.State);
        Assert.True(survivor.DemoMailbox.Server.RequestCount > 0, "the remaining instance never took the sync over");
        Assert.InRange(final.MessagesProcessed, 18_000, 20_000);
        CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(mailbox.ExpectedCsv), await IndexReader.ReadAllAsync(client), compareAutomated: false);
    }

    [Fact]
    public async Task TwoInstancesWhoseSchedulersFindTheSameMailboxDueSyncItOnce()
    {
        using var database = new PostgresTestDatabase();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Reconnect"] = database.ConnectionString };
        var clocks = new[] { new SchedulerClock(), new SchedulerClock() };
        await using var first = new ReconnectApplication(FixturePaths.Sample, settings: settings, services: clocks[0].Install);
        await using var second = new ReconnectApplication(FixturePaths.Sample, settings: settings, services: clocks[1].Install);
        var apps = new[] { first, second };
        var client = first.CreateClient();
        await Task.WhenAll(apps.Select(app => app.CreateClient().GetAsync("/api/sync")));
        await first.SyncToCompletionAsync(client);
        foreach (var app in apps)
        {
            app.DemoMailbox.Server.ResetRequestCount();
        }

        // Both clocks move together, so both schedulers judge the same row due.
        var due = (new Reconnect.Api.Sync.SyncOptions().RefreshInterval * 1.2) + TimeSpan.FromMinutes(1);
        await Task.WhenAll(clocks.Select((clock, i) => clock.AdvanceAsync(apps[i].Services, due)));
        var status = await SyncPolling.WhileRunningAsync(client);

        var requests = apps.Select(app => app.DemoMailbox.Server.RequestCount).ToList();
        output.WriteLine($"Graph requests: {requests[0]} and {requests[1]}; final {status}");
        Assert.Equal("completed", status.State);
        Assert.Equal(clocks[0].Now, status.StartedAt);
        Assert.Equal(0, requests.Min());
        Assert.True(requests.Max() > 0, "neither instance synced the due mailbox");
    }

    /// <summary>The API as a process of its own on the database, the demo user's mailbox served by a simulator on <paramref name="simulatorPort"/> (0: any).</summary>
    private Dictionary<string, string> ProcessEnvironment(PostgresTestDatabase database, int simulatorPort)
    {
        var environment = Settings(database).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["Demo__Enabled"] = "true";
        environment["Demo__MailboxPath"] = mailbox.Folder;
        environment["Storage__DataFolder"] = Directory.CreateTempSubdirectory("reconnect-process-").FullName;
        environment["Clock__Now"] = "2026-11-26T00:00:00Z";
        environment["GraphSimulator__Port"] = simulatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }

    /// <summary>How many Graph requests a process's simulator has answered (its control endpoint does not count itself).</summary>
    private static async Task<long> GraphRequestsAsync(HttpClient http, int simulatorPort)
    {
        using var state = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{simulatorPort}/simulator/state"));
        return state.RootElement.GetProperty("requestCount").GetInt64();
    }

    /// <summary>Both instances on one database; slow, small pages so a sync outlasts the race; short leases.</summary>
    private static Dictionary<string, string?> Settings(PostgresTestDatabase database) => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Reconnect"] = database.ConnectionString,
        ["Graph:PageSize"] = "200",
        ["GraphSimulator:Faults:LatencyMs"] = "20",
        ["Sync:LeaseSeconds"] = "3",
    };
}

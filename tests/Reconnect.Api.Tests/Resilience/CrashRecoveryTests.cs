using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;
using Xunit.Abstractions;

namespace Reconnect.Api.Tests.Resilience;

/// <summary>
/// Runs the API as a real process, kills it (SIGKILL) at random points of a sync again and again,
/// restarts it on the same database, and checks that the sync ends with exactly the ground truth:
/// nothing lost, nothing counted twice.
/// </summary>
public sealed class CrashRecoveryTests(Generated20kMailbox mailbox, ITestOutputHelper output) : IClassFixture<Generated20kMailbox>
{
    private const int Kills = 10;

    [Fact]
    public async Task ASyncKilledTenTimesAtRandomPointsEndsWithExactlyTheGroundTruth()
    {
        using var dataFolder = new TempFolder("reconnect-crash-");
        var environment = new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "true",
            ["Demo__MailboxPath"] = mailbox.Folder,
            ["Storage__DataFolder"] = dataFolder.Path,
            ["Clock__Now"] = "2026-11-26T00:00:00Z",
            // Small, slow pages: a sync long enough for every kill to land inside it.
            ["Graph__PageSize"] = "50",
            ["GraphSimulator__Faults__LatencyMs"] = "30",
            // A killed process's sync lease runs out quickly, so the next process resumes at once.
            ["Sync__LeaseSeconds"] = "2",
        };
        var random = new Random(20261126);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        var killedWhileRunning = 0;
        var progress = new List<long>();
        // Kills that land before the sync has started or after it ended do not count; at most 25 rounds.
        for (var round = 0; killedWhileRunning < Kills && round < 25; round++)
        {
            using var api = ApiProcess.Start(ApiProcess.FreePort(), environment);
            await api.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
            // Every other round relies on the start-up resumer alone; the others also ask again.
            if (round == 0 || round % 2 == 1)
            {
                using var started = await http.PostAsync(new Uri(api.Address, "/api/sync"), null);
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }

            // Kill once the sync has committed a random number of items more than it had: a
            // random point inside the page pipeline (reading, writing or committing). The steps
            // share out the first part of the mailbox, so the kills still left fit in before the
            // sync can finish, however fast this machine commits between two status polls.
            var reached = progress.LastOrDefault();
            var step = Math.Max(100, (int)((mailbox.MessageCount * 0.6 - reached) / (Kills - killedWhileRunning)));
            var target = reached + random.Next(50, step);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            SyncStatus? status;
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(20, 120)));
                status = await http.GetFromJsonAsync<SyncStatus>(new Uri(api.Address, "/api/sync"));
            }
            while (status!.State is "running" or "idle" && status.MessagesProcessed < target && DateTime.UtcNow < deadline);

            api.Kill();
            progress.Add(status!.MessagesProcessed);
            if (status.State == "running")
            {
                killedWhileRunning++;
            }
        }

        using var last = ApiProcess.Start(ApiProcess.FreePort(), environment);
        await last.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
        using (var started = await http.PostAsync(new Uri(last.Address, "/api/sync"), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        var final = (await Polling.UntilAsync(
            () => http.GetFromJsonAsync<SyncStatus>(new Uri(last.Address, "/api/sync")), s => s!.State != "running", TimeSpan.FromMinutes(5), "The end of the last sync"))!;
        output.WriteLine($"{progress.Count} kills ({killedWhileRunning} mid-sync) at {string.Join(", ", progress)} processed; total {watch.Elapsed.TotalSeconds:F1} s; final {final}");
        Assert.True(final.State == "completed", $"{final}\n{last.Tail}");
        Assert.Equal(Kills, killedWhileRunning);
        using var reader = new HttpClient { BaseAddress = last.Address };
        CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(mailbox.ExpectedCsv), await IndexReader.ReadAllAsync(reader), compareAutomated: false);
    }
}

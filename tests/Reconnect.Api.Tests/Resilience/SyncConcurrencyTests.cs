using System.Net.Http.Json;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Resilience;

public sealed class SyncConcurrencyTests
{
    [Fact]
    public async Task ConcurrentStartRequestsRunOneSyncThatReadsEachMessageOnce()
    {
        long single;
        await using (var reference = new ReconnectApplication(FixturePaths.Sample))
        {
            single = (await reference.SyncAsync()).MessagesProcessed;
        }

        // Slow Graph: the sync must still be running when the last of the concurrent requests arrives.
        await using var app = new ReconnectApplication(FixturePaths.Sample, settings: new Dictionary<string, string?> { ["GraphSimulator:Faults:LatencyMs"] = "300" });
        var client = app.CreateClient();
        await client.GetAsync("/api/sync");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/api/sync", null)));
        Reconnect.Api.Sync.SyncStatus? status;
        do
        {
            await Task.Delay(50);
            status = await client.GetFromJsonAsync<Reconnect.Api.Sync.SyncStatus>("/api/sync");
        }
        while (status!.State == "running");

        Assert.All(answers, answer => Assert.Equal(System.Net.HttpStatusCode.Accepted, answer.StatusCode));
        Assert.Equal("completed", status.State);
        // Two syncs at once would read (and count as processed) every message twice.
        Assert.Equal(single, status.MessagesProcessed);
    }
}

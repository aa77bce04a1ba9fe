using System.Diagnostics;
using Reconnect.Api.Tests.Support;
using Reconnect.GraphSimulator.Faults;
using Xunit.Abstractions;

namespace Reconnect.Api.Tests.Resilience;

/// <summary>
/// Syncs a generated 20k-message mailbox through the Graph simulator under each fault alone and
/// all together: every time the index must equal the generator's ground truth exactly, and no
/// request may come back before its Retry-After.
/// </summary>
public sealed class FaultMatrixTests(Generated20kMailbox mailbox, ITestOutputHelper output) : IClassFixture<Generated20kMailbox>
{
    public static TheoryData<string> Scenarios => [.. FaultScenarios.Keys];

    private static readonly Dictionary<string, FaultOptions> FaultScenarios = new()
    {
        ["none"] = new FaultOptions(),
        ["latency"] = new FaultOptions { LatencyMs = 25 },
        ["throttling"] = new FaultOptions { ThrottleRate = 0.2, RetryAfterSeconds = 1, StrictRetryAfter = true },
        ["server-errors"] = new FaultOptions { ServerErrorRate = 0.1, RetryAfterSeconds = 0 },
        ["resets"] = new FaultOptions { ResetRate = 0.1 },
        ["truncation"] = new FaultOptions { TruncateRate = 0.1 },
        ["delta-expiry"] = new FaultOptions { ExpireDeltaTokens = 1 },
        ["all"] = new FaultOptions
        {
            ThrottleRate = 0.2, RetryAfterSeconds = 1, StrictRetryAfter = true, ServerErrorRate = 0.05,
            ResetRate = 0.03, TruncateRate = 0.03, ExpireDeltaTokens = 1,
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task AFullSyncUnderFaultsYieldsExactlyTheGroundTruth(string scenario)
    {
        var faults = FaultScenarios[scenario];
        await using var app = new ReconnectApplication(mailbox.Folder, settings: Settings(faults));
        var client = app.CreateClient();
        var watch = Stopwatch.StartNew();

        var status = await app.SyncAsync(client, TimeSpan.FromMinutes(5));

        var injected = app.DemoMailbox.Server.Simulator.Faults;
        output.WriteLine($"{scenario}: {watch.Elapsed.TotalSeconds:F1} s, {app.DemoMailbox.Server.RequestCount} requests, "
            + $"{status.MessagesProcessed} processed, {status.ItemsSkipped} skipped, 429 {injected.Throttled}, 5xx {injected.ServerErrors}, resets {injected.Resets}, truncated {injected.Truncated}, expired {injected.ExpiredDeltaTokens}");
        Assert.True(status.State == "completed", status.ToString());
        Assert.Equal(0, injected.RetryAfterViolations);
        Assert.Equal(faults.ExpireDeltaTokens, injected.ExpiredDeltaTokens);
        Assert.True(faults.ThrottleRate == 0 || injected.Throttled > 0, "no request was throttled");
        Assert.True(faults.ServerErrorRate == 0 || injected.ServerErrors > 0, "no server error was injected");
        Assert.True(faults.ResetRate == 0 || injected.Resets > 0, "no connection was reset");
        Assert.True(faults.TruncateRate == 0 || injected.Truncated > 0, "no body was truncated");
        // The automated flag is the people heuristics' business, not the sync's: counts and dates are compared.
        CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(mailbox.ExpectedCsv), await IndexReader.ReadAllAsync(client), compareAutomated: false);
    }

    [Fact]
    public async Task ADeltaTokenExpiringBetweenSyncsResyncsTheFolderAndYieldsTheTruthAfterChanges()
    {
        await using var app = new ReconnectApplication(mailbox.Folder, settings: Settings(new FaultOptions()));
        var client = app.CreateClient();
        Assert.Equal("completed", (await app.SyncAsync(client, TimeSpan.FromMinutes(5))).State);
        var simulator = app.DemoMailbox.Server.Simulator;
        while (simulator.ApplyNextChanges())
        {
        }

        simulator.Faults.ExpireNextDeltaTokens(2);
        var status = await app.SyncAsync(client, TimeSpan.FromMinutes(5));

        Assert.True(status.State == "completed", status.ToString());
        Assert.Equal(2, simulator.Faults.ExpiredDeltaTokens);
        CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(mailbox.ExpectedAfterChangesCsv), await IndexReader.ReadAllAsync(client), compareAutomated: false);
    }

    internal static Dictionary<string, string?> Settings(FaultOptions faults) => new()
    {
        // Smaller pages mean more requests, so the rates have something to bite on.
        ["Graph:PageSize"] = "250",
        ["Graph:Resilience:MaxRetryAttempts"] = "12",
        ["Graph:Resilience:BaseDelay"] = "00:00:00.010",
        ["Graph:Resilience:MaxDelay"] = "00:00:00.200",
        ["Graph:Resilience:AttemptTimeout"] = "00:00:30",
        ["GraphSimulator:Faults:Seed"] = "11",
        ["GraphSimulator:Faults:LatencyMs"] = faults.LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:ThrottleRate"] = faults.ThrottleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:RetryAfterSeconds"] = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:ServerErrorRate"] = faults.ServerErrorRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:ResetRate"] = faults.ResetRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:TruncateRate"] = faults.TruncateRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:ExpireDeltaTokens"] = faults.ExpireDeltaTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphSimulator:Faults:StrictRetryAfter"] = faults.StrictRetryAfter ? "true" : "false",
    };
}

using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Identity;
using Reconnect.Api.Tests.People;
using Reconnect.Api.Tests.Support;
using Reconnect.GraphSimulator;

namespace Reconnect.Api.Tests.Scaling;

/// <summary>
/// The scheduler on a clock the test moves: the demo mailbox (a generated one with change files, or
/// the sample) and several on-behalf-of users on one simulator. Every wait is for a state the
/// scheduler reaches (a look at the new time, a row leaving "running"), never for a length of time.
/// </summary>
public sealed class SyncSchedulerTests(Generated2kMailbox mailbox) : IClassFixture<Generated2kMailbox>
{
    private static readonly SyncOptions Defaults = new();

    /// <summary>Past any mailbox's refresh: the interval, its largest spread, and a tick.</summary>
    private static readonly TimeSpan SurelyDue = (Defaults.RefreshInterval * (1 + SyncSchedule.Spread)) + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AMailboxSyncedLongerAgoThanTheIntervalIsSyncedAgainAndPicksUpItsChanges()
    {
        var clock = new SchedulerClock();
        await using var app = new ReconnectApplication(mailbox.Folder, services: clock.Install);
        var client = app.CreateClient();
        var first = await app.SyncToCompletionAsync(client);
        var simulator = app.DemoMailbox.Server.Simulator;
        while (simulator.ApplyNextChanges())
        {
        }

        var second = await clock.AdvanceToScheduledSyncAsync(app.Services, client, SurelyDue);

        Assert.Equal("completed", second.State);
        Assert.True(second.CompletedAt > first.CompletedAt);
        var expected = CorrespondenceTable.Load(mailbox.ExpectedAfterChangesCsv);
        Assert.NotEqual(CorrespondenceTable.Load(mailbox.ExpectedCsv), expected);
        CorrespondenceTable.AssertEqual(expected, await IndexReader.ReadAllAsync(client), compareAutomated: false);
    }

    [Fact]
    public async Task AMailboxSyncedLessThanTheIntervalAgoIsLeftAloneUntilItIsDue()
    {
        var clock = new SchedulerClock();
        await using var app = new ReconnectApplication(FixturePaths.Sample, services: clock.Install);
        var client = app.CreateClient();
        var synced = await app.SyncToCompletionAsync(client);
        var requests = app.DemoMailbox.Server.RequestCount;

        var early = Defaults.RefreshInterval - TimeSpan.FromMinutes(1);
        await clock.AdvanceAsync(app.Services, early);

        Assert.Equal(synced, await client.GetFromJsonAsync<SyncStatus>("/api/sync"));
        Assert.Equal(requests, app.DemoMailbox.Server.RequestCount);

        var refreshed = await clock.AdvanceToScheduledSyncAsync(app.Services, client, SurelyDue - early);
        Assert.Equal("completed", refreshed.State);
    }

    [Fact]
    public async Task AFailedMailboxIsRetriedAfterABackoffThatDoublesWithEachFailureInARow()
    {
        var clock = new SchedulerClock();
        var backoff = Defaults.FailureBackoff;
        await using var app = new ReconnectApplication(FixturePaths.Sample, services: clock.Install, settings: new Dictionary<string, string?>
        {
            ["GraphSimulator:Faults:ServerErrorRate"] = "1",
            ["GraphSimulator:Faults:RetryAfterSeconds"] = "0",
            ["Graph:Resilience:MaxRetryAttempts"] = "0",
        });
        var client = app.CreateClient();
        var failed = await app.SyncAsync(client);
        Assert.Equal("failed", failed.State);

        await clock.AdvanceAsync(app.Services, backoff * 0.9);
        Assert.Equal(failed, await client.GetFromJsonAsync<SyncStatus>("/api/sync"));

        var retried = await clock.AdvanceToScheduledSyncAsync(app.Services, client, (backoff * (1 + SyncSchedule.Spread)) - (backoff * 0.9) + TimeSpan.FromMinutes(1));
        Assert.Equal("failed", retried.State);

        // The second failure in a row waits twice the first backoff: not retried after one and a half ...
        await clock.AdvanceAsync(app.Services, backoff * 1.5);
        Assert.Equal(retried, await client.GetFromJsonAsync<SyncStatus>("/api/sync"));

        // ... but after two (and the spread).
        var again = await clock.AdvanceToScheduledSyncAsync(app.Services, client, (backoff * 2 * (1 + SyncSchedule.Spread)) - (backoff * 1.5) + TimeSpan.FromMinutes(1));
        Assert.Equal("failed", again.State);
    }

    [Fact]
    public async Task TheFailuresInARowOutliveARestartOfTheInstance()
    {
        var clock = new SchedulerClock();
        var backoff = Defaults.FailureBackoff;
        using var database = new TempFolder("reconnect-restart-");
        var settings = new Dictionary<string, string?>
        {
            ["GraphSimulator:Faults:ServerErrorRate"] = "1",
            ["GraphSimulator:Faults:RetryAfterSeconds"] = "0",
            ["Graph:Resilience:MaxRetryAttempts"] = "0",
            // Both instances on one database, one after the other.
            ["Storage:DataFolder"] = database.Path,
        };
        SyncStatus retried;
        await using (var before = new ReconnectApplication(FixturePaths.Sample, services: clock.Install, settings: settings))
        {
            var client = before.CreateClient();
            Assert.Equal("failed", (await before.SyncAsync(client)).State);
            retried = await clock.AdvanceToScheduledSyncAsync(before.Services, client, (backoff * (1 + SyncSchedule.Spread)) + TimeSpan.FromMinutes(1));
            Assert.Equal("failed", retried.State);
        }

        // Two failures in a row: a restarted instance still waits twice the first backoff ...
        await using var after = new ReconnectApplication(FixturePaths.Sample, services: clock.Install, settings: settings);
        var restarted = after.CreateClient();
        await clock.AdvanceAsync(after.Services, backoff * 1.5);
        Assert.Equal(retried, await restarted.GetFromJsonAsync<SyncStatus>("/api/sync"));

        // ... and then retries.
        var again = await clock.AdvanceToScheduledSyncAsync(after.Services, restarted, (backoff * 2 * (1 + SyncSchedule.Spread)) - (backoff * 1.5) + TimeSpan.FromMinutes(1));
        Assert.Equal("failed", again.State);
        Assert.Equal(3, (await SchedulerClock.RowsAsync(after.Services)).Single().ConsecutiveFailures);
    }

    [Fact]
    public async Task AMailboxWhoseUserStaysAwayPastDormantAfterIsLeftAloneUntilTheyComeBack()
    {
        var clock = new SchedulerClock();
        var day = TimeSpan.FromDays(1);
        await using var app = new ReconnectApplication(FixturePaths.Sample, services: clock.Install, settings: new Dictionary<string, string?>
        {
            ["Sync:DormantAfter"] = "3.00:00:00",
        });
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);

        // Away two days: still kept fresh (and the test's status check counts as a visit).
        var refreshed = await clock.AdvanceToScheduledSyncAsync(app.Services, client, 2 * day);
        Assert.Equal("completed", refreshed.State);

        // Away four more: no sync, not a single Graph request, whatever is due.
        var requests = app.DemoMailbox.Server.RequestCount;
        await clock.AdvanceAsync(app.Services, 4 * day);
        await clock.AdvanceAsync(app.Services, TimeSpan.FromHours(3));
        Assert.Equal(refreshed.CompletedAt, (await SchedulerClock.RowsAsync(app.Services)).Single().CompletedAt);
        Assert.Equal(requests, app.DemoMailbox.Server.RequestCount);

        // Back in the pane: the next look syncs the mailbox again.
        Assert.NotEmpty(await SuggestionsEndpointsTests.GetSuggestionsAsync(client));
        var back = await clock.AdvanceToScheduledSyncAsync(app.Services, client, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", back.State);
        Assert.True(app.DemoMailbox.Server.RequestCount > requests);
    }

    [Fact]
    public async Task NoMoreThanMaxConcurrentSyncsScheduledSyncsRunAtOnceOnAnInstance()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        var clock = new SchedulerClock();
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl, services: clock.Install,
            settings: new Dictionary<string, string?> { ["Sync:MaxConcurrentSyncs"] = "2" });
        var users = Enumerable.Range(1, 5)
            .Select(i => new TestUser(TestTokens.HomeTenant, $"00000000-0000-4000-8000-00000000000{i}", $"User {i}")).ToList();
        foreach (var user in users)
        {
            Assert.Equal("completed", (await SignedInApplication.SyncAsync(app.ClientFor(user))).State);
        }

        var synced = clock.Now;

        // Scheduled syncs wait at their first token until released: all five are due, two may start.
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Tokens.HoldBackgroundCalls = hold;
        await clock.AdvanceAsync(app.Services, SurelyDue);
        Assert.Equal(2, Running(await SchedulerClock.RowsAsync(app.Services)));

        // A later look, both still running, starts no third.
        await clock.AdvanceAsync(app.Services, TimeSpan.FromMinutes(1));
        Assert.Equal(2, Running(await SchedulerClock.RowsAsync(app.Services)));

        // Released, each ending sync hands its slot to the next due mailbox, until all five are fresh.
        hold.SetResult();
        var rows = await SchedulerClock.RowsAsync(app.Services);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!rows.All(r => r.State == SyncState.Completed && r.CompletedAt > synced))
        {
            Assert.True(Running(rows) <= 2, $"{Running(rows)} scheduled syncs running at once");
            Assert.True(DateTime.UtcNow < deadline, $"Not every mailbox was synced again: {string.Join(", ", rows.Select(r => $"{r.State} {r.CompletedAt:O}"))}");
            await Task.Delay(10);
            rows = await SchedulerClock.RowsAsync(app.Services);
        }

        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public async Task AMailboxWhoseUserMustSignInAgainIsLeftAloneUntilTheyComeBack()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        var clock = new SchedulerClock();
        // Short backoffs, so that going past them all takes few ticks of the clock.
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl, services: clock.Install, settings: new Dictionary<string, string?>
        {
            ["Sync:FailureBackoff"] = "00:01:00",
            ["Sync:MaxFailureBackoff"] = "00:04:00",
        });
        var client = app.ClientFor(TestUsers.A);
        Assert.Equal("completed", (await SignedInApplication.SyncAsync(client)).State);

        // Their session's refresh token has expired: only a sign-in gives a new one.
        app.Tokens.Failure = new MicrosoftIdentityWebChallengeUserException(
            new MsalUiRequiredException("invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity."), ["https://graph.microsoft.com/Mail.ReadBasic"]);
        var failed = await clock.AdvanceToScheduledSyncAsync(app.Services, client, SurelyDue);
        Assert.Equal("failed", failed.State);
        Assert.Equal(SyncErrors.SignInNeeded, failed.Error);

        var tokenCalls = app.Tokens.Calls.Count;
        await clock.AdvanceAsync(app.Services, TimeSpan.FromMinutes(30));
        Assert.Equal(failed, await client.GetFromJsonAsync<SyncStatus>("/api/sync"));
        Assert.Equal(tokenCalls, app.Tokens.Calls.Count);

        // They open the pane, which begins a new session and syncs: from then on they are scheduled again.
        app.Tokens.Failure = null;
        Assert.Equal("completed", (await SignedInApplication.SyncAsync(client)).State);
        var refreshed = await clock.AdvanceToScheduledSyncAsync(app.Services, client, SurelyDue);
        Assert.Equal("completed", refreshed.State);
    }

    [Fact]
    public async Task WithTheIntervalAtZeroNothingIsScheduled()
    {
        var clock = new SchedulerClock();
        await using var app = new ReconnectApplication(FixturePaths.Sample, services: clock.Install,
            settings: new Dictionary<string, string?> { ["Sync:RefreshInterval"] = "00:00:00" });
        var client = app.CreateClient();
        var synced = await app.SyncToCompletionAsync(client);
        var scheduler = app.Services.GetRequiredService<SyncScheduler>();

        // Off, the scheduler ends at start-up rather than ticking: no move of the clock can wake it.
        await scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(DateTime.MinValue, scheduler.LookedAt);
        Assert.Equal(synced, await client.GetFromJsonAsync<SyncStatus>("/api/sync"));
    }

    [Theory]
    [InlineData("Sync:RefreshInterval", "00:00:30")]
    [InlineData("Sync:RefreshInterval", "-01:00:00")]
    [InlineData("Sync:MaxConcurrentSyncs", "0")]
    [InlineData("Sync:FailureBackoff", "00:00:00")]
    [InlineData("Sync:MaxFailureBackoff", "00:01:00")]
    [InlineData("Sync:DormantAfter", "12:00:00")]
    public async Task AnInvalidSchedulerSettingStopsTheAppAtStartUp(string key, string value)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, settings: new Dictionary<string, string?> { [key] = value });

        var refusal = app.RefusalToStart();

        Assert.Contains(nameof(OptionsValidationException), refusal);
        Assert.Contains(key.Split(':')[1], refusal);
    }

    private static int Running(IEnumerable<MailboxSync> rows) => rows.Count(r => r.State == SyncState.Running);
}

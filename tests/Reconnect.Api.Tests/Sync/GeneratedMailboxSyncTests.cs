using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Sync;

/// <summary>A realistic, messy 20,000-message mailbox synced through the real Graph SDK and the simulator.</summary>
public abstract class GeneratedMailboxSyncTests(GeneratedMailbox mailbox, DatabaseProvider database) : IClassFixture<GeneratedMailbox>
{
    public sealed class OnSqlite(GeneratedMailbox mailbox) : GeneratedMailboxSyncTests(mailbox, DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql(GeneratedMailbox mailbox) : GeneratedMailboxSyncTests(mailbox, DatabaseProvider.PostgreSql);

    [Fact]
    public async Task AFullSyncYieldsExactlyTheGroundTruth()
    {
        await using var app = new ReconnectApplication(mailbox.Path, database: database);
        var client = app.CreateClient();

        var status = await app.SyncAsync(client);

        Assert.Equal("completed", status.State);
        // Drafts, Junk Email and Outbox are never read: the work is the rest of the 20,000.
        Assert.InRange(status.MessagesProcessed, 18_000, 20_000);
        Assert.Equal(status.MessagesProcessed, status.MessagesEstimated);
        AssertMatches(mailbox.ExpectedInitially, await ReadIndexAsync(client));
    }

    [Fact]
    public async Task AnIncrementalSyncAfterChangesYieldsTheNewGroundTruthReadingOnlyTheChanges()
    {
        await using var app = new ReconnectApplication(mailbox.Path, database: database);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var server = app.DemoMailbox.Server;
        while (server.ApplyNextChanges())
        {
        }

        var requestsBefore = server.RequestCount;
        var status = await app.SyncAsync(client);

        Assert.Equal("completed", status.State);
        // Each change is read once; a move is read twice (removed from one folder, added to another).
        Assert.InRange(status.MessagesProcessed, mailbox.Result.ChangeLines, 2 * mailbox.Result.ChangeLines);
        AssertMatches(mailbox.ExpectedAfterChanges, await ReadIndexAsync(client));
        // Folder listing plus one delta call per folder: nothing is read again in full.
        Assert.True(server.RequestCount - requestsBefore < 60, $"{server.RequestCount - requestsBefore} requests for an incremental sync");
    }

    [Fact]
    public async Task ReplayingDeltaPagesAlreadyAppliedChangesNothing()
    {
        await using var app = new ReconnectApplication(mailbox.Path, database: database);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var firstDeltaLinks = await ReadDeltaLinksAsync(app);
        while (app.DemoMailbox.Server.ApplyNextChanges())
        {
        }

        await app.SyncAsync(client);
        // As after a crash between reading and recording: the same changes are read again.
        await RestoreDeltaLinksAsync(app, firstDeltaLinks);
        var replay = await app.SyncAsync(client);

        Assert.InRange(replay.MessagesProcessed, mailbox.Result.ChangeLines, 2 * mailbox.Result.ChangeLines);
        AssertMatches(mailbox.ExpectedAfterChanges, await ReadIndexAsync(client));
    }

    [Fact]
    public async Task ASecondFullSyncFromScratchCountsNothingTwice()
    {
        await using var app = new ReconnectApplication(mailbox.Path, database: database);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        // Forget every cursor: the next sync reads every folder from the start again.
        await RestoreDeltaLinksAsync(app, (await ReadDeltaLinksAsync(app)).ToDictionary(l => l.Key, _ => (string?)null));

        await app.SyncAsync(client);

        AssertMatches(mailbox.ExpectedInitially, await ReadIndexAsync(client));
    }

    /// <summary>
    /// Counts and dates must match exactly. The generator marks automated only what its headers and
    /// no-reply addresses make certain; the product also reads behaviour (dozens of messages never
    /// answered), so every sender the truth calls automated must be automated here, not the reverse.
    /// </summary>
    private static void AssertMatches(IReadOnlyList<CorrespondenceRow> expected, IReadOnlyList<CorrespondenceRow> actual)
    {
        CorrespondenceTable.AssertEqual(expected, actual, compareAutomated: false);
        var automated = actual.Where(r => r.Automated == true).Select(r => r.Address).ToHashSet();
        Assert.Empty(expected.Where(r => r.Automated == true && !automated.Contains(r.Address)).Select(r => r.Address));
    }

    private static async Task<Dictionary<string, string?>> ReadDeltaLinksAsync(ReconnectApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        return await db.FolderCursors.ToDictionaryAsync(c => c.FolderId, c => c.DeltaLink);
    }

    private static async Task RestoreDeltaLinksAsync(ReconnectApplication app, Dictionary<string, string?> links)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        foreach (var cursor in await db.FolderCursors.ToListAsync())
        {
            cursor.DeltaLink = links.GetValueOrDefault(cursor.FolderId);
        }

        await db.SaveChangesAsync();
    }

    internal static async Task<IReadOnlyList<CorrespondenceRow>> ReadIndexAsync(HttpClient client)
    {
        var rows = new List<CorrespondenceRow>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<CorrespondentPage>($"/api/correspondents?skip={rows.Count}&take=1000");
            rows.AddRange(page!.Items.Select(i => new CorrespondenceRow(i.Address, i.SentCount, i.ReceivedCount, i.LastSent, i.LastReceived, i.Automated)));
            if (rows.Count >= page.Total || page.Items.Count == 0)
            {
                return rows;
            }
        }
    }
}

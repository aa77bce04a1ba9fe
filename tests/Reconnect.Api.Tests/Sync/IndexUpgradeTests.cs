using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Sync;

/// <summary>
/// A database synced before the index was keyed by hashes (the Initial migration) and then upgraded:
/// the upgrade empties the derived index, and the first start after it reads the mailbox again,
/// unasked, to exactly the same table.
/// </summary>
public sealed class IndexUpgradeTests
{
    [Fact]
    public async Task AnUpgradedDatabaseIsResyncedOnStartToTheSameTable()
    {
        var dataFolder = Directory.CreateTempSubdirectory("reconnect-upgrade-test-").FullName;
        try
        {
            await SyncUpgradeAndRestartAsync(dataFolder);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static async Task SyncUpgradeAndRestartAsync(string dataFolder)
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataFolder"] = dataFolder };
        var expected = CorrespondenceTable.Load(Path.Combine(FixturePaths.Sample, "expected-correspondents.csv"));
        await using (var before = new ReconnectApplication(FixturePaths.Sample, settings: settings))
        {
            await before.SyncToCompletionAsync();
        }

        await using (var db = OpenDatabase(dataFolder))
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First());
            Assert.Equal(0, await db.Correspondents.CountAsync());
            await migrator.MigrateAsync();
            Assert.Equal(0, await db.Correspondents.CountAsync());
            Assert.Equal(SyncState.Running, (await db.MailboxSyncs.SingleAsync()).State);
        }

        await using var after = new ReconnectApplication(FixturePaths.Sample, settings: settings);
        var client = after.CreateClient();
        var status = await SyncPolling.WhileRunningAsync(client, TimeSpan.FromMinutes(1));

        Assert.Equal("completed", status.State);
        CorrespondenceTable.AssertEqual(expected, await IndexReader.ReadAllAsync(client));
    }

    private static ReconnectDbContext OpenDatabase(string dataFolder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new ReconnectDbContext(new DbContextOptionsBuilder<ReconnectDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataFolder, "reconnect.db")}").Options);
    }
}

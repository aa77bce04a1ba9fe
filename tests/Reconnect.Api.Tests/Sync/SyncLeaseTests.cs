using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Sync;

/// <summary>The lease's fence for scheduled starts, on each database provider.</summary>
public abstract class SyncLeaseTests : IDisposable
{
    public sealed class OnSqlite() : SyncLeaseTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : SyncLeaseTests(DatabaseProvider.PostgreSql);

    private static readonly DateTime Completed = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    private readonly TestDatabase _database;
    private readonly int _mailboxId;

    private SyncLeaseTests(DatabaseProvider provider)
    {
        _database = new TestDatabase(provider);
        _mailboxId = _database.AddMailbox(new MailboxSync { State = SyncState.Completed, StartedAt = Completed.AddMinutes(-1), CompletedAt = Completed });
    }

    [Fact]
    public async Task TryAcquire_LastCompletionAsTheSchedulerSawIt_StartsTheSync()
    {
        await using var db = _database.CreateContext();
        var startedAt = Completed.AddHours(1);

        Assert.True(await Leases().TryAcquireAsync(db, _mailboxId, startedAt, Completed, CancellationToken.None));

        var row = await db.MailboxSyncs.AsNoTracking().SingleAsync();
        Assert.Equal((SyncState.Running, startedAt, (DateTime?)null), (row.State, row.StartedAt!.Value, row.CompletedAt));
    }

    [Fact]
    public async Task TryAcquire_MailboxSyncedSinceTheSchedulerLooked_IsRefusedAndLeavesTheRowAlone()
    {
        await using var db = _database.CreateContext();

        Assert.False(await Leases().TryAcquireAsync(db, _mailboxId, Completed.AddHours(1), Completed.AddMinutes(-30), CancellationToken.None));

        var row = await db.MailboxSyncs.AsNoTracking().SingleAsync();
        Assert.Equal((SyncState.Completed, Completed, (string?)null), (row.State, row.CompletedAt!.Value, row.LeaseOwner));
    }

    [Fact]
    public async Task TryAcquire_TwoInstancesStartingFromOneLook_OnlyOneStarts()
    {
        await using var db = _database.CreateContext();
        var startedAt = Completed.AddHours(1);

        var first = await Leases().TryAcquireAsync(db, _mailboxId, startedAt, Completed, CancellationToken.None);
        var second = await Leases().TryAcquireAsync(db, _mailboxId, startedAt, Completed, CancellationToken.None);

        Assert.Equal((true, false), (first, second));
    }

    [Fact]
    public async Task TryAcquire_MailboxErasedSinceTheSchedulerLooked_IsRefusedWithoutRecreatingItsRow()
    {
        await using var db = _database.CreateContext();
        await db.Mailboxes.ExecuteDeleteAsync();

        Assert.False(await Leases().TryAcquireAsync(db, _mailboxId, Completed.AddHours(1), Completed, CancellationToken.None));

        Assert.Empty(await db.MailboxSyncs.AsNoTracking().ToListAsync());
    }

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new instance each call: a lease held by one is not the other's.</summary>
    private static SyncLeases Leases() => new(Options.Create(new SyncOptions()));
}

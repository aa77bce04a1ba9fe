using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

/// <summary>
/// The per-mailbox sync lease, kept in the <see cref="MailboxSync"/> row so that instances sharing a
/// database (PostgreSQL behind a load balancer) never sync one mailbox at once. It is taken with one
/// conditional UPDATE (free, expired or already ours), renewed while the sync runs, checked again in
/// every page's transaction, and released when the sync ends; a holder that dies simply lets it run out.
/// </summary>
/// <remarks>
/// Expiry is judged by each instance's own real-time clock (never the app's fixed <c>Clock:Now</c>),
/// so instances need roughly synchronised clocks (NTP); a skew well under the lease is harmless
/// because every page commit is fenced by the owner, not by the time.
/// </remarks>
internal sealed class SyncLeases(IOptions<SyncOptions> options)
{
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>This process, as a lease owner: unique per run, so a restarted process never mistakes its predecessor's lease for its own.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var id && id.Length > 100 ? id[^100..] : id;

    public TimeSpan Duration => options.Value.Lease;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Takes the mailbox's lease and marks its sync running, unless another live instance holds it.
    /// A sync left running (by a crash or a dead instance) resumes with its counts; any other starts
    /// counting afresh at <paramref name="startedAt"/>. With <paramref name="lastCompletedAt"/>, only
    /// while the last sync still completed then (no sync has started since).
    /// </summary>
    public async Task<bool> TryAcquireAsync(ReconnectDbContext db, int mailboxId, DateTime startedAt, DateTime? lastCompletedAt, CancellationToken cancellationToken)
    {
        // Two instances may both find no row: the insert is idempotent, the UPDATE below decides.
        // A scheduled start has seen the row, so it inserts none: a mailbox erased since its look is
        // simply not found (the insert would fail on the erased mailbox's foreign key).
        if (lastCompletedAt is null)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"MailboxSyncs\" (\"MailboxId\", \"State\", \"MessagesProcessed\", \"MessagesEstimated\", \"ItemsSkipped\") VALUES ({mailboxId}, {nameof(SyncState.Idle)}, 0, 0, 0) ON CONFLICT (\"MailboxId\") DO NOTHING",
                cancellationToken);
        }

        var now = Now;
        var expires = now + Duration;
        var owner = InstanceId;
        var taken = await db.MailboxSyncs
            .Where(s => s.MailboxId == mailboxId && (s.LeaseOwner == null || s.LeaseOwner == owner || s.LeaseExpiresAt == null || s.LeaseExpiresAt < now))
            .Where(s => lastCompletedAt == null || s.CompletedAt == lastCompletedAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.MessagesProcessed, x => x.State == SyncState.Running ? x.MessagesProcessed : 0L)
                .SetProperty(x => x.MessagesEstimated, x => x.State == SyncState.Running ? x.MessagesEstimated : 0L)
                .SetProperty(x => x.ItemsSkipped, x => x.State == SyncState.Running ? x.ItemsSkipped : 0L)
                .SetProperty(x => x.StartedAt, x => x.State == SyncState.Running ? x.StartedAt : startedAt)
                .SetProperty(x => x.State, SyncState.Running)
                .SetProperty(x => x.CompletedAt, (DateTime?)null)
                .SetProperty(x => x.Error, (string?)null)
                .SetProperty(x => x.LeaseOwner, owner)
                .SetProperty(x => x.LeaseExpiresAt, expires), cancellationToken);
        return taken == 1;
    }

    /// <summary>Extends the lease; false if this instance no longer holds it.</summary>
    public async Task<bool> RenewAsync(ReconnectDbContext db, int mailboxId, CancellationToken cancellationToken)
    {
        var expires = Now + Duration;
        var owner = InstanceId;
        return await db.MailboxSyncs.Where(s => s.MailboxId == mailboxId && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseExpiresAt, expires), cancellationToken) == 1;
    }

    /// <summary>Lets another instance take the mailbox at once (shutdown), leaving the sync's state as it is.</summary>
    public Task ReleaseAsync(ReconnectDbContext db, int mailboxId, CancellationToken cancellationToken)
    {
        var owner = InstanceId;
        return db.MailboxSyncs.Where(s => s.MailboxId == mailboxId && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTime?)null), cancellationToken);
    }

    /// <summary>Syncs marked running whose holder is gone (crashed, killed, or shut down).</summary>
    public IQueryable<MailboxSync> Orphaned(ReconnectDbContext db)
    {
        var now = Now;
        return db.MailboxSyncs.Where(s => s.State == SyncState.Running && (s.LeaseOwner == null || s.LeaseExpiresAt == null || s.LeaseExpiresAt < now));
    }
}

/// <summary>Another instance took over this mailbox's sync: this one stops without touching its state.</summary>
internal sealed class SyncLeaseLostException(int mailboxId)
    : Exception($"The sync lease of mailbox {mailboxId} is held by another instance.");

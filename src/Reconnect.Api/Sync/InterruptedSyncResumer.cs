using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

/// <summary>
/// Restarts, after a crash or a restart, the syncs that were running: each resumes from the last
/// page it committed, so nothing is read twice into the index and nothing is lost.
/// </summary>
internal sealed class InterruptedSyncResumer(IServiceScopeFactory scopes, MailboxSyncRunner runner, ILogger<InterruptedSyncResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var interrupted = await db.MailboxSyncs.AsNoTracking()
            .Where(s => s.State == SyncState.Running)
            .Join(db.Mailboxes, s => s.MailboxId, m => m.Id, (s, m) => new { m.Id, m.TenantId, m.ObjectId, m.DisplayName })
            .ToListAsync(stoppingToken);
        foreach (var mailbox in interrupted)
        {
            logger.LogInformation("Resuming the interrupted sync of mailbox {MailboxId}", mailbox.Id);
            await runner.StartAsync(mailbox.Id, new UserIdentity(mailbox.TenantId, mailbox.ObjectId, mailbox.DisplayName), stoppingToken);
        }
    }
}

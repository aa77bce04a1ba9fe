using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

/// <summary>
/// Restarts the syncs that were running when their instance stopped (a crash, a restart, a killed
/// instance of several): at start-up and then every half lease, it resumes each sync marked running
/// whose lease is free or has run out, from the last page that sync committed, so nothing is read
/// twice into the index and nothing is lost. Instances racing for one mailbox are settled by its lease.
/// </summary>
internal sealed class InterruptedSyncResumer(IServiceScopeFactory scopes, MailboxSyncRunner runner, SyncLeases leases, ILogger<InterruptedSyncResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(leases.Duration / 2);
        do
        {
            try
            {
                await ResumeOrphanedAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not look for interrupted syncs; trying again shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Hosted services stop while the database is still there: the time for running syncs to hand over their leases.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runner.StopAsync(cancellationToken);
    }

    private async Task ResumeOrphanedAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var interrupted = await leases.Orphaned(db).AsNoTracking().WithOwners(db).ToListAsync(stoppingToken);
        foreach (var mailbox in interrupted)
        {
            if (await runner.StartAsync(mailbox.MailboxId, mailbox.User, stoppingToken))
            {
                logger.LogInformation("Resumed the interrupted sync of mailbox {MailboxId}", mailbox.MailboxId);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

/// <summary>
/// Keeps every mailbox fresh without its user asking. Every tick of <see cref="SyncOptions.SchedulerTick"/>
/// it reads, from the sync rows alone, which mailboxes are due: completed longer than
/// <see cref="SyncOptions.RefreshInterval"/> ago (plus each mailbox's spread, <see cref="SyncSchedule"/>),
/// or failed longer ago than their backoff. It starts their incremental syncs, most overdue first,
/// never more than <see cref="SyncOptions.MaxConcurrentSyncs"/> at once on this instance, and gives a
/// finished sync's slot to the next due mailbox at once. The mailbox's lease settles instances racing for one.
/// </summary>
/// <remarks>
/// A mailbox is scheduled only once its user has synced it: the first sync is theirs, and with
/// on-behalf-of it is what opens the long-running Graph session scheduled syncs draw on. A mailbox
/// whose sync failed for want of the user (<see cref="SyncErrors.NeedsUser"/>) is left until they sync
/// again, which the task pane does when it opens on a failed sync.
/// </remarks>
internal sealed class SyncScheduler(
    IServiceScopeFactory scopes,
    MailboxSyncRunner runner,
    SyncMetrics metrics,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    /// <summary>Due mailboxes read per look, most overdue first; a larger backlog is read at the following looks.</summary>
    private const int BatchSize = 1000;

    private readonly Queue<SyncCandidate> _due = new();
    // Only the ExecuteAsync loop touches these: no lock.
    private readonly List<Task> _running = [];
    // Never disposed: a sync finishing during shutdown may still release it.
    private readonly SemaphoreSlim _slotFreed = new(0);
    private long _lookedAt = DateTime.MinValue.Ticks;

    /// <summary>The clock's time at the last look whose due syncs have been started (tests wait for it).</summary>
    internal DateTime LookedAt => new(Interlocked.Read(ref _lookedAt), DateTimeKind.Utc);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SchedulerEnabled)
        {
            logger.LogInformation("Scheduled syncs are off ({Setting} is 0): mailboxes sync when their users ask", $"{SyncOptions.SectionName}:{nameof(SyncOptions.RefreshInterval)}");
            return;
        }

        using var timer = new PeriodicTimer(settings.SchedulerTick, clock);
        Task<bool>? tick = null;
        Task? slotFreed = null;
        var look = true;
        while (true)
        {
            try
            {
                DateTime? now = look ? await LookAsync(settings, stoppingToken) : null;
                await StartDueAsync(settings, stoppingToken);
                if (now is { } lookedAt)
                {
                    Interlocked.Exchange(ref _lookedAt, lookedAt.Ticks);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not schedule mailbox syncs; trying again at the next look");
            }

            // Kept across turns: a PeriodicTimer takes one waiter at a time, and a semaphore wait
            // abandoned after a tick won would swallow the next release.
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            slotFreed ??= _slotFreed.WaitAsync(stoppingToken);
            look = await Task.WhenAny(tick, slotFreed) == tick;
            if (look)
            {
                if (!await tick)
                {
                    return;
                }

                tick = null;
            }
            else
            {
                await slotFreed;
                slotFreed = null;
            }
        }
    }

    // A row that failed before the count was kept says 0: it failed at least once.
    private static int FailuresInARow(SyncCandidate failed) => Math.Max(1, failed.ConsecutiveFailures);

    /// <summary>Reads which mailboxes are due now, most overdue first, into the queue; returns the time it judged by.</summary>
    private async Task<DateTime> LookAsync(SyncOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();

        // Users away longer than DormantAfter are left alone until they come back.
        DateTime? seenSince = settings.DormantAfter > TimeSpan.Zero ? now - settings.DormantAfter : null;

        // Few rows: the mailboxes whose last sync failed.
        var failed = await db.MailboxSyncs.AsNoTracking()
            .Where(s => s.State == SyncState.Failed && s.CompletedAt != null)
            .OfUsersSeenSince(db, seenSince)
            .WithOwners(db)
            .ToListAsync(cancellationToken);

        // Nothing is due before the interval itself; each mailbox's spread is applied to the rows read.
        var completedBefore = now - settings.RefreshInterval;
        var stale = await db.MailboxSyncs.AsNoTracking()
            .Where(s => s.State == SyncState.Completed && s.CompletedAt <= completedBefore)
            .OfUsersSeenSince(db, seenSince)
            .OrderBy(s => s.CompletedAt)
            .Take(BatchSize)
            .WithOwners(db)
            .ToListAsync(cancellationToken);

        var refreshes = stale.Select(s => (Mailbox: s, DueAt: SyncSchedule.NextRefresh(s.MailboxId, s.CompletedAt!.Value, settings.RefreshInterval)));
        var retries = failed.Where(s => !SyncErrors.NeedsUser(s.Error))
            .Select(s => (Mailbox: s, DueAt: SyncSchedule.NextRetry(s.MailboxId, s.CompletedAt!.Value, FailuresInARow(s), settings)));
        _due.Clear();
        foreach (var (mailbox, _) in refreshes.Concat(retries).Where(d => d.DueAt <= now).OrderBy(d => d.DueAt))
        {
            _due.Enqueue(mailbox);
        }

        if (_due.Count > 0)
        {
            logger.LogDebug("{Due} mailbox syncs due", _due.Count);
        }

        return now;
    }

    /// <summary>Starts due syncs while this instance has free slots.</summary>
    private async Task StartDueAsync(SyncOptions settings, CancellationToken cancellationToken)
    {
        _running.RemoveAll(run => run.IsCompleted);
        while (_running.Count < settings.MaxConcurrentSyncs && _due.TryDequeue(out var mailbox))
        {
            // Refused when the mailbox is syncing already (its user asked) or was synced since the
            // look (another instance got there first): either way it is fresh.
            if (!await runner.StartScheduledAsync(mailbox.MailboxId, mailbox.User, mailbox.CompletedAt!.Value, cancellationToken))
            {
                continue;
            }

            metrics.SyncScheduled(mailbox.State == SyncState.Failed ? "retry" : "refresh");
            var run = runner.WhenIdleAsync(mailbox.MailboxId);
            _running.Add(run);
            _ = run.ContinueWith(_ => _slotFreed.Release(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }
}

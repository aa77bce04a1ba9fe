using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Graph;

namespace Reconnect.Api.Sync;

/// <summary>
/// Runs mailbox syncs in the background, one at a time per mailbox: in this process by its table of
/// running syncs, across instances sharing the database by the mailbox's lease (<see cref="SyncLeases"/>).
/// Folders are read in parallel
/// (up to Graph's concurrent-request limit per mailbox) while a single writer applies their pages
/// in order of arrival, each page committed with its folder cursor.
/// </summary>
internal sealed class MailboxSyncRunner(
    IServiceScopeFactory scopes,
    IOptions<GraphReaderOptions> graphOptions,
    SyncMetrics metrics,
    Reconnect.Graph.Resilience.GraphResiliencePipelines resilience,
    SyncLeases leases,
    MailboxChanges changes,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<MailboxSyncRunner> logger) : IDisposable
{
    // A folder whose delta state keeps expiring is not resynced forever.
    private const int MaxResyncsPerFolder = 3;

    // Pages committed together cost little more than one, but each is held in memory until its commit.
    private const int MaxPagesPerCommit = 3;

    private readonly Dictionary<int, Task> _running = [];
    // Cancelled as the host begins to stop, while the database is still reachable: a sync that stops
    // then can release its lease, so another instance resumes it at once rather than after it expires.
    private readonly CancellationTokenSource _stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);

    /// <summary>
    /// Starts (or resumes) a mailbox's sync unless one is already running, here or on another instance;
    /// true if this call started it.
    /// </summary>
    public Task<bool> StartAsync(int mailboxId, UserIdentity user, CancellationToken cancellationToken) =>
        StartCoreAsync(mailboxId, user, lastCompletedAt: null, cancellationToken);

    /// <summary>
    /// Starts a mailbox's sync only if its last sync still completed (or failed) at
    /// <paramref name="lastCompletedAt"/>: the scheduler decided from that row, and an instance that
    /// has synced the mailbox since must not be followed by a second sync of it at once.
    /// </summary>
    public Task<bool> StartScheduledAsync(int mailboxId, UserIdentity user, DateTime lastCompletedAt, CancellationToken cancellationToken) =>
        StartCoreAsync(mailboxId, user, lastCompletedAt, cancellationToken);

    private async Task<bool> StartCoreAsync(int mailboxId, UserIdentity user, DateTime? lastCompletedAt, CancellationToken cancellationToken)
    {
        // The slot is taken by a task that is not complete until the run is: a second caller arriving
        // while this one marks the sync started must see it running (a completed placeholder let two
        // syncs of one mailbox run at once, e.g. the start-up resumer and a POST /api/sync).
        var starting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_running)
        {
            if (_running.TryGetValue(mailboxId, out var task) && !task.IsCompleted)
            {
                return false;
            }

            _running[mailboxId] = starting.Task;
        }

        var acquired = false;
        try
        {
            acquired = await MarkStartedAsync(mailboxId, lastCompletedAt, cancellationToken);
        }
        finally
        {
            if (!acquired)
            {
                lock (_running)
                {
                    _running.Remove(mailboxId);
                }

                starting.SetResult();
            }
        }

        if (!acquired)
        {
            // Another instance holds the lease: its sync is the one running, and its progress is in the database.
            return false;
        }

        var run = Task.Run(() => RunAsync(mailboxId, user, _stopping.Token), CancellationToken.None);
        _ = run.ContinueWith(_ => starting.SetResult(), TaskScheduler.Default);
        lock (_running)
        {
            _running[mailboxId] = run;
        }

        return true;
    }

    /// <summary>Waits for a mailbox's running sync, if any (tests and shutdown).</summary>
    public Task WhenIdleAsync(int mailboxId)
    {
        lock (_running)
        {
            return _running.TryGetValue(mailboxId, out var task) ? task : Task.CompletedTask;
        }
    }

    /// <summary>
    /// Stops every running sync and waits (as long as the host allows) for each to release its lease,
    /// so another instance can resume it at once; a sync stopped this way stays "running" in the database.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A stopping host has cancelled it already (it is linked to ApplicationStopping); and a host
        // stopped twice at once (WebApplicationFactory's stop beside its entry point's own, which then
        // disposes the container) may have disposed it, where only the flag may still be read.
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        Task[] running;
        lock (_running)
        {
            running = [.. _running.Values];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task<bool> MarkStartedAsync(int mailboxId, DateTime? lastCompletedAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        return await leases.TryAcquireAsync(db, mailboxId, clock.GetUtcNow().UtcDateTime, lastCompletedAt, cancellationToken);
    }

    private async Task RunAsync(int mailboxId, UserIdentity user, CancellationToken stopping)
    {
        var stats = resilience.For(user.MailboxKey()).Stats;
        var before = (stats.Retries, stats.Throttled);
        var started = clock.GetTimestamp();
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewal = RenewLeaseAsync(mailboxId, leaseLost, renewing.Token);
        try
        {
            await SyncAsync(mailboxId, user, leaseLost.Token);
            metrics.SyncFinished("completed", clock.GetElapsedTime(started), stats, before);
            // Before finishing: once the state says completed, a caller may start the next sync at once.
            await LogCompletedAsync(mailboxId);
            await FinishAsync(mailboxId, SyncState.Completed, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the sync stays "running" and resumes from its last page on the next start,
            // here or (its lease released) on another instance at once.
            await ReleaseLeaseAsync(mailboxId);
        }
        catch (Exception exception) when (exception is SyncLeaseLostException || (exception is OperationCanceledException && leaseLost.IsCancellationRequested))
        {
            logger.LogWarning("Sync of mailbox {MailboxId} stopped: another instance took over its lease", mailboxId);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Sync of mailbox {MailboxId} failed", mailboxId);
            metrics.SyncFinished("failed", clock.GetElapsedTime(started), stats, before);
            await FinishAsync(mailboxId, SyncState.Failed, SyncErrors.Describe(exception));
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    /// <summary>Renews the mailbox's lease a few times per lease period; cancels the sync if it was lost.</summary>
    private async Task RenewLeaseAsync(int mailboxId, CancellationTokenSource leaseLost, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(leases.Duration / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (!await leases.RenewAsync(scope.ServiceProvider.GetRequiredService<ReconnectDbContext>(), mailboxId, cancellationToken))
                    {
                        await leaseLost.CancelAsync();
                        return;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database hiccup: try again next tick; the page commits are fenced by owner anyway.
                    logger.LogWarning(exception, "Could not renew the sync lease of mailbox {MailboxId}", mailboxId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The sync ended.
        }
    }

    private async Task ReleaseLeaseAsync(int mailboxId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await leases.ReleaseAsync(scope.ServiceProvider.GetRequiredService<ReconnectDbContext>(), mailboxId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Shutting down with the database gone: the lease runs out by itself.
            logger.LogDebug(exception, "Could not release the sync lease of mailbox {MailboxId}", mailboxId);
        }
    }

    private async Task SyncAsync(int mailboxId, UserIdentity user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var writer = new CorrespondenceIndexWriter(db, logger, leases.InstanceId);
        var graph = scope.ServiceProvider.GetService<IGraphClientSource>()
            ?? throw new InvalidOperationException("No Microsoft Graph access is configured for this deployment (AzureAd settings).");
        var reader = new GraphMailboxReader(graph.For(user), graphOptions.Value);

        var owner = await reader.GetOwnerAsync(cancellationToken);
        await db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.DisplayName, owner.DisplayName)
            .SetProperty(x => x.OwnAddresses, string.Join('\n', owner.Addresses.All)), cancellationToken);
        await changes.PublishAsync(db, mailboxId);

        var folders = await reader.GetFoldersToSyncAsync(cancellationToken);
        var cursors = await PrepareCursorsAsync(db, writer, mailboxId, folders, cancellationToken);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<FolderWork>(graphOptions.Value.MaxConcurrentRequests);
        var reading = ReadFoldersAsync(reader, cursors, pages.Writer, failed.Token);
        try
        {
            // Resets and removals travel in the same channel as pages, so they apply in the order they were read.
            await foreach (var work in pages.Reader.ReadAllAsync(failed.Token))
            {
                switch (work)
                {
                    case { Page: { } page }:
                        metrics.PagesApplied(await writer.ApplyPagesAsync(mailboxId, owner.Addresses, WaitingPages(new FolderPage(work.FolderId, page), pages.Reader), failed.Token));
                        break;
                    case { Kind: FolderWorkKind.Resync }:
                        await writer.RemoveFolderAsync(mailboxId, work.FolderId, failed.Token, keepCursor: true);
                        break;
                    case { Kind: FolderWorkKind.Vanished }:
                        await writer.RemoveFolderAsync(mailboxId, work.FolderId, failed.Token);
                        break;
                }
            }
        }
        catch
        {
            await failed.CancelAsync();
            await Task.WhenAny(reading);
            throw;
        }

        await reading;
        await SyncCalendarAsync(db, reader, mailboxId, owner, cancellationToken);
        await SaveContactsAsync(db, reader, mailboxId, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<People.PeopleDirectory>().RebuildAsync(mailboxId, cancellationToken);
    }

    /// <summary>
    /// The page just read and the pages queued right behind it, up to the first reset or removal
    /// (which must apply in order), at most <see cref="MaxPagesPerCommit"/>: the writer commits them together.
    /// </summary>
    private static List<FolderPage> WaitingPages(FolderPage first, ChannelReader<FolderWork> queue)
    {
        var batch = new List<FolderPage> { first };
        while (batch.Count < MaxPagesPerCommit && queue.TryPeek(out var next) && next.Page is not null && queue.TryRead(out next))
        {
            batch.Add(new FolderPage(next.FolderId, next.Page!));
        }

        return batch;
    }

    /// <summary>
    /// Reads the calendar view's delta page by page after the mail, each page committed with the
    /// calendar cursor. Without Calendars.ReadBasic (a user who consented before calendars were
    /// read) the mail still syncs; meetings simply do not count until consent is given.
    /// </summary>
    private async Task SyncCalendarAsync(ReconnectDbContext db, GraphMailboxReader reader, int mailboxId, MailboxOwner owner, CancellationToken cancellationToken)
    {
        var writer = new CalendarIndexWriter(db, logger);
        var (link, window) = await writer.PrepareAsync(mailboxId, clock.GetUtcNow(), cancellationToken);
        var resyncs = 0;
        while (true)
        {
            EventPage page;
            try
            {
                page = await reader.ReadEventsAsync(link, window, cancellationToken);
            }
            catch (ODataError error) when (link is not null && GraphMailboxReader.IsSyncStateLost(error) && resyncs++ < MaxResyncsPerFolder)
            {
                logger.LogWarning("Graph lost the delta state of the calendar ({Code}); reading it again from scratch",
                    error.Error?.Code ?? error.ResponseStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await writer.ResetAsync(mailboxId, window, cancellationToken);
                link = null;
                continue;
            }
            catch (ODataError error) when (error.ResponseStatusCode == 403)
            {
                logger.LogWarning("The calendar of mailbox {MailboxId} is not readable ({Code}); meetings are not counted", mailboxId, error.Error?.Code);
                return;
            }

            await writer.ApplyPageAsync(mailboxId, owner.Addresses, page, cancellationToken);
            if (page.NextLink is null)
            {
                return;
            }

            link = page.NextLink;
        }
    }

    private async Task ReadFoldersAsync(GraphMailboxReader reader, IReadOnlyList<FolderCursor> cursors, ChannelWriter<FolderWork> pages, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = graphOptions.Value.MaxConcurrentRequests, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(cursors, parallel, async (cursor, token) =>
            {
                var link = cursor.NextLink ?? cursor.DeltaLink;
                var resyncs = 0;
                while (true)
                {
                    MessagePage page;
                    try
                    {
                        page = await reader.ReadMessagesAsync(cursor.FolderId, link, token);
                    }
                    catch (ODataError error) when (link is not null && GraphMailboxReader.IsSyncStateLost(error) && resyncs++ < MaxResyncsPerFolder)
                    {
                        // Graph forgot where this folder's delta stood: forget its copies and read it
                        // again from scratch. Counting by message key keeps copies in other folders whole.
                        logger.LogWarning("Graph lost the delta state of a folder ({Code}); resyncing folder {FolderName} from scratch",
                            error.Error?.Code ?? error.ResponseStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), cursor.DisplayName);
                        await pages.WriteAsync(new FolderWork(cursor.FolderId, FolderWorkKind.Resync, null), token);
                        link = null;
                        continue;
                    }
                    catch (ODataError error) when (error.ResponseStatusCode == 404)
                    {
                        // Deleted between the folder listing and its delta: what it held is gone too.
                        logger.LogWarning("Folder {FolderName} disappeared during the sync; its messages are no longer counted", cursor.DisplayName);
                        await pages.WriteAsync(new FolderWork(cursor.FolderId, FolderWorkKind.Vanished, null), token);
                        break;
                    }

                    await pages.WriteAsync(new FolderWork(cursor.FolderId, FolderWorkKind.Page, page), token);
                    if (page.NextLink is null)
                    {
                        break;
                    }

                    link = page.NextLink;
                }
            });
            pages.Complete();
        }
        catch (Exception exception)
        {
            pages.Complete(exception);
            throw;
        }
    }

    /// <summary>Creates cursors for new folders, forgets vanished ones, and estimates the work left.</summary>
    private async Task<IReadOnlyList<FolderCursor>> PrepareCursorsAsync(
        ReconnectDbContext db, CorrespondenceIndexWriter writer, int mailboxId, IReadOnlyList<MailFolderInfo> folders, CancellationToken cancellationToken)
    {
        var cursors = await db.FolderCursors.Where(c => c.MailboxId == mailboxId).ToDictionaryAsync(c => c.FolderId, StringComparer.Ordinal, cancellationToken);
        var listed = folders.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        // The calendar's cursor is not a folder: it is the calendar writer's to keep or drop.
        cursors.Remove(CalendarIndexWriter.CursorId);
        foreach (var vanished in cursors.Keys.Where(id => !listed.Contains(id)).ToList())
        {
            await writer.RemoveFolderAsync(mailboxId, vanished, cancellationToken);
            cursors.Remove(vanished);
        }

        foreach (var folder in folders)
        {
            if (!cursors.TryGetValue(folder.Id, out var cursor))
            {
                cursor = new FolderCursor { MailboxId = mailboxId, FolderId = folder.Id };
                db.FolderCursors.Add(cursor);
                cursors.Add(folder.Id, cursor);
            }

            cursor.DisplayName = folder.DisplayName;
            cursor.TotalItemCount = folder.TotalItemCount;
        }

        // A folder read for the first time costs about its item count; a delta costs what changed.
        var estimate = folders.Where(f => cursors[f.Id].DeltaLink is null).Sum(f => (long)f.TotalItemCount);
        await db.SaveChangesAsync(cancellationToken);
        await db.MailboxSyncs.Where(s => s.MailboxId == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MessagesEstimated, x => x.MessagesProcessed + estimate), cancellationToken);
        db.ChangeTracker.Clear();
        return [.. folders.Select(f => cursors[f.Id])];
    }

    private static async Task SaveContactsAsync(ReconnectDbContext db, GraphMailboxReader reader, int mailboxId, CancellationToken cancellationToken)
    {
        var contacts = new List<ContactEntry>();
        await foreach (var contact in reader.ReadContactsAsync(cancellationToken))
        {
            contacts.Add(ContactEntries.From(mailboxId, contact));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Contacts.Where(c => c.MailboxId == mailboxId).ExecuteDeleteAsync(cancellationToken);
        db.Contacts.AddRange(contacts.DistinctBy(c => c.ContactId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task LogCompletedAsync(int mailboxId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var sync = await db.MailboxSyncs.AsNoTracking().FirstAsync(s => s.MailboxId == mailboxId);
        logger.LogInformation("Sync of mailbox {MailboxId} completed: {MessagesProcessed} items read, {ItemsSkipped} skipped as unusable",
            mailboxId, sync.MessagesProcessed, sync.ItemsSkipped);
    }

    private async Task FinishAsync(int mailboxId, SyncState state, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = leases.InstanceId;
        await db.MailboxSyncs.Where(s => s.MailboxId == mailboxId && s.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, state)
            .SetProperty(x => x.CompletedAt, now)
            .SetProperty(x => x.Error, error)
            .SetProperty(x => x.ConsecutiveFailures, x => state == SyncState.Failed ? x.ConsecutiveFailures + 1 : 0)
            .SetProperty(x => x.LeaseOwner, (string?)null)
            .SetProperty(x => x.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(x => x.MessagesEstimated, x => state == SyncState.Completed ? x.MessagesProcessed : x.MessagesEstimated));
    }
}

internal enum FolderWorkKind
{
    Page,
    /// <summary>The folder's delta state expired: drop its copies and reset its cursor before it is read again.</summary>
    Resync,
    /// <summary>The folder no longer exists.</summary>
    Vanished,
}

/// <summary>What a folder reader hands the single writer.</summary>
internal sealed record FolderWork(string FolderId, FolderWorkKind Kind, MessagePage? Page);

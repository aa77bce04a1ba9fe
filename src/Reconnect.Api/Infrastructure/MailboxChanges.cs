using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// Which mailboxes have changed (their row, their feedback, their people), as far as this instance
/// knows: what lets an instance keep per-mailbox state in memory and still never serve it after
/// another instance changed it. A writer calls <see cref="PublishAsync"/> once its change is
/// committed; on PostgreSQL that is a <c>NOTIFY</c> every instance's <see cref="MailboxChangeListener"/>
/// hears, on SQLite (one instance) the local record is the whole story.
/// </summary>
/// <remarks>
/// Changes are ordered by a counter rather than by time: a reader takes <see cref="Now"/> before it
/// reads the database and asks <see cref="UnchangedSince"/> before it trusts what it read. A change
/// heard after the stamp was taken may have been committed after the read began, so it counts as
/// newer; one heard before was committed before the read, which therefore saw it. While an instance
/// cannot hear PostgreSQL's notifications, nothing counts as unchanged.
/// </remarks>
internal sealed class MailboxChanges
{
    /// <summary>The PostgreSQL notification channel; the payload is the mailbox id.</summary>
    public const string Channel = "reconnect_mailbox_changes";

    // Past this many remembered mailboxes the record starts over with "everything changed": a
    // bounded record, at the price of every instance reading its cached mailboxes again, rarely.
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<int, long> _changedAt = new();
    // Numbering a change and recording it happen together, so recorded numbers only ever grow.
    private readonly Lock _recording = new();
    private readonly ILogger _logger;
    private long _counter;
    private long _everythingChangedAt;
    private volatile bool _listening;

    /// <param name="everyChangeIsLocal">
    /// True where this instance makes every change itself (SQLite: one file, one instance); false
    /// where others may (PostgreSQL), so that nothing is trusted until the listener is connected.
    /// </param>
    public MailboxChanges(bool everyChangeIsLocal, ILogger<MailboxChanges> logger)
    {
        _listening = everyChangeIsLocal;
        _logger = logger;
    }

    /// <summary>A stamp to take before reading a mailbox's state from the database.</summary>
    public long Now() => Interlocked.Read(ref _counter);

    /// <summary>Whether a mailbox's state read after <paramref name="stamp"/> was taken is still current.</summary>
    public bool UnchangedSince(int mailboxId, long stamp) =>
        _listening
        && Interlocked.Read(ref _everythingChangedAt) <= stamp
        && (!_changedAt.TryGetValue(mailboxId, out var changedAt) || changedAt <= stamp);

    /// <summary>Tells every instance, this one first, that a committed change touched the mailbox.</summary>
    /// <remarks>
    /// The change is committed already: a caller that stopped waiting must not keep the others from
    /// hearing it, so the notification is not cancelled, and a failure to send it is logged, not
    /// thrown (the others then see the change when their cached state expires, within a minute).
    /// </remarks>
    public async Task PublishAsync(ReconnectDbContext db, int mailboxId)
    {
        Heard(mailboxId);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {mailboxId.ToString(CultureInfo.InvariantCulture)})", CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            _logger.LogWarning(exception, "Could not tell the other instances that mailbox {MailboxId} changed; they see it within a minute", mailboxId);
        }
    }

    /// <summary>Records that a mailbox changed.</summary>
    public void Heard(int mailboxId)
    {
        lock (_recording)
        {
            if (_changedAt.Count >= MaxRemembered)
            {
                _changedAt.Clear();
                RecordEverythingChanged();
            }

            _changedAt[mailboxId] = Interlocked.Increment(ref _counter);
        }
    }

    /// <summary>Records that any mailbox may have changed (notifications were missed or unreadable).</summary>
    public void HeardEverything()
    {
        lock (_recording)
        {
            RecordEverythingChanged();
        }
    }

    // Only under _recording.
    private void RecordEverythingChanged() => Interlocked.Exchange(ref _everythingChangedAt, Interlocked.Increment(ref _counter));

    /// <summary>The listener is connected: changes from now on will be heard; those made while it was away were not.</summary>
    public void StartedListening()
    {
        HeardEverything();
        _listening = true;
    }

    /// <summary>The listener lost its connection: nothing read from now on can be trusted to stay current.</summary>
    public void StoppedListening() => _listening = false;
}

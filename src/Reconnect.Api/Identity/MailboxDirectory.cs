using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;

namespace Reconnect.Api.Identity;

/// <summary>Finds, or creates on first sight, the mailbox row of a signed-in user.</summary>
internal sealed class MailboxDirectory(ReconnectDbContext db, MailboxChanges changes, TimeProvider clock)
{
    public Task<int?> FindAsync(UserIdentity user, CancellationToken cancellationToken) =>
        Of(user).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The mailbox with what the user said of people, in one round trip (a LEFT JOIN): the read
    /// endpoints need both, and on a server database a request's cost is its round trips far more
    /// than its rows.
    /// </summary>
    public async Task<MailboxReading?> FindWithFeedbackAsync(UserIdentity user, CancellationToken cancellationToken)
    {
        var found = await Of(user).Select(m => new
            {
                Mailbox = new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths, m.LastSeenAt),
                Feedback = db.Feedback.Where(f => f.MailboxId == m.Id).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new MailboxReading(found.Mailbox, FeedbackStore.Interpret(found.Feedback));
    }

    public async Task<int> GetOrCreateAsync(UserIdentity user, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, cancellationToken) is { } id)
        {
            return id;
        }

        var mailbox = new Mailbox { TenantId = user.TenantId, ObjectId = user.ObjectId, DisplayName = user.Name, LastSeenAt = Today };
        db.Mailboxes.Add(mailbox);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return mailbox.Id;
        }
        catch (DbUpdateException)
        {
            // Two first requests raced to create the row: the other one won, use it.
            db.ChangeTracker.Clear();
            return await FindAsync(user, cancellationToken) ?? throw new InvalidOperationException("The mailbox row could not be created.");
        }
    }

    /// <summary>Whether the user of a mailbox last seen then has been seen today already.</summary>
    public bool SeenToday(DateTime? lastSeenAt) => lastSeenAt >= Today;

    /// <summary>Records that the user came today (once a day: the date, not the time, is kept).</summary>
    public async Task MarkSeenTodayAsync(int mailboxId, CancellationToken cancellationToken)
    {
        var today = Today;
        if (await db.Mailboxes.Where(m => m.Id == mailboxId && (m.LastSeenAt == null || m.LastSeenAt < today))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LastSeenAt, today), cancellationToken) > 0)
        {
            await changes.PublishAsync(db, mailboxId);
        }
    }

    private DateTime Today => clock.GetUtcNow().UtcDateTime.Date;

    private IQueryable<Mailbox> Of(UserIdentity user) =>
        db.Mailboxes.AsNoTracking().Where(m => m.TenantId == user.TenantId && m.ObjectId == user.ObjectId);
}


using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Identity;

/// <summary>Finds, or creates on first sight, the mailbox row of a signed-in user.</summary>
internal sealed class MailboxDirectory(ReconnectDbContext db)
{
    public Task<int?> FindAsync(UserIdentity user, CancellationToken cancellationToken) =>
        Of(user).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<MailboxSummary?> FindSummaryAsync(UserIdentity user, CancellationToken cancellationToken) =>
        Of(user).Select(m => new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths)).FirstOrDefaultAsync(cancellationToken);

    public async Task<MailboxSummary> FindSummaryAsync(int mailboxId, CancellationToken cancellationToken) =>
        await db.Mailboxes.AsNoTracking()
            .Where(m => m.Id == mailboxId)
            .Select(m => new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths))
            .FirstAsync(cancellationToken);

    /// <summary>
    /// The mailbox with every feedback row of it, in one round trip (a LEFT JOIN): the read
    /// endpoints need both on every request, and on a server database a request's cost is its
    /// round trips far more than its rows.
    /// </summary>
    public Task<MailboxReading?> FindWithFeedbackAsync(UserIdentity user, CancellationToken cancellationToken) =>
        Of(user).Select(m => new MailboxReading(
                new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths),
                db.Feedback.Where(f => f.MailboxId == m.Id).ToList(),
                0))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary><see cref="FindWithFeedbackAsync"/> plus the number of correspondents, still in one round trip.</summary>
    public Task<MailboxReading?> FindWithFeedbackAndCountAsync(UserIdentity user, CancellationToken cancellationToken) =>
        Of(user).Select(m => new MailboxReading(
                new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths),
                db.Feedback.Where(f => f.MailboxId == m.Id).ToList(),
                db.Correspondents.Count(c => c.MailboxId == m.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<int> GetOrCreateAsync(UserIdentity user, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, cancellationToken) is { } id)
        {
            return id;
        }

        var mailbox = new Mailbox { TenantId = user.TenantId, ObjectId = user.ObjectId, DisplayName = user.Name };
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

    private IQueryable<Mailbox> Of(UserIdentity user) =>
        db.Mailboxes.AsNoTracking().Where(m => m.TenantId == user.TenantId && m.ObjectId == user.ObjectId);
}

/// <summary>A mailbox as the read endpoints need it: its summary, what the user said of people, and (when asked) its correspondent count.</summary>
internal sealed record MailboxReading(MailboxSummary Mailbox, List<Feedback> Feedback, int CorrespondentCount);

using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Identity;

/// <summary>Finds, or creates on first sight, the mailbox row of a signed-in user.</summary>
internal sealed class MailboxDirectory(ReconnectDbContext db)
{
    public Task<int?> FindAsync(UserIdentity user, CancellationToken cancellationToken) =>
        db.Mailboxes.AsNoTracking()
            .Where(m => m.TenantId == user.TenantId && m.ObjectId == user.ObjectId)
            .Select(m => (int?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<MailboxSummary?> FindSummaryAsync(UserIdentity user, CancellationToken cancellationToken) =>
        db.Mailboxes.AsNoTracking()
            .Where(m => m.TenantId == user.TenantId && m.ObjectId == user.ObjectId)
            .Select(m => new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<MailboxSummary> FindSummaryAsync(int mailboxId, CancellationToken cancellationToken) =>
        await db.Mailboxes.AsNoTracking()
            .Where(m => m.Id == mailboxId)
            .Select(m => new MailboxSummary(m.Id, m.DisplayName, m.PeopleVersion, m.StaleAfterMonths))
            .FirstAsync(cancellationToken);

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
}

using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.People;

/// <summary>Reads and records what the user said of people, address by address.</summary>
internal sealed class FeedbackStore(ReconnectDbContext db, MailboxChanges changes)
{
    public async Task<SuggestionFeedback> LoadAsync(int mailboxId, CancellationToken cancellationToken) =>
        Interpret(await db.Feedback.AsNoTracking().Where(f => f.MailboxId == mailboxId).ToListAsync(cancellationToken));

    /// <summary>What a mailbox's feedback rows mean for suggestions.</summary>
    public static SuggestionFeedback Interpret(IReadOnlyCollection<Feedback> rows) =>
        rows.Count == 0
            ? SuggestionFeedback.None
            : new SuggestionFeedback(
                rows.Where(r => r.Dismissed).Select(r => r.Address),
                rows.Where(r => r.SnoozedUntil is not null).Select(r => KeyValuePair.Create(r.Address, r.SnoozedUntil!.Value)),
                rows.Where(r => r.NotAPerson).Select(r => r.Address));

    /// <summary>Applies <paramref name="change"/> to the feedback of every one of a person's addresses.</summary>
    public async Task RecordAsync(int mailboxId, IReadOnlyList<string> addresses, Action<Feedback> change, CancellationToken cancellationToken)
    {
        var list = addresses.ToList();
        var existing = await db.Feedback.Where(f => f.MailboxId == mailboxId && list.Contains(f.Address)).ToDictionaryAsync(f => f.Address, cancellationToken);
        foreach (var address in addresses)
        {
            if (!existing.TryGetValue(address, out var feedback))
            {
                feedback = new Feedback { MailboxId = mailboxId, Address = address };
                db.Feedback.Add(feedback);
            }

            change(feedback);
        }

        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(db, mailboxId);
    }

    /// <summary>Forgets everything the user said of these addresses.</summary>
    public async Task ClearAsync(int mailboxId, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var list = addresses.ToList();
        await db.Feedback.Where(f => f.MailboxId == mailboxId && list.Contains(f.Address)).ExecuteDeleteAsync(cancellationToken);
        await changes.PublishAsync(db, mailboxId);
    }
}

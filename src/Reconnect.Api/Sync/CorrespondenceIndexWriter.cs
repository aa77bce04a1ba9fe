using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Core.Correspondence;
using Reconnect.Core.People;
using Reconnect.Graph;

namespace Reconnect.Api.Sync;

/// <summary>
/// Applies one delta page to a mailbox's correspondence index, together with the folder's new
/// cursor, in one transaction. Counting is by message key and live copies, so replaying a page,
/// a second full sync, or a message held in two folders never counts twice; a message whose last
/// copy goes away stops counting.
/// </summary>
/// <remarks>
/// One writer per mailbox at a time: the sync runner serialises pages, and with a
/// <paramref name="leaseOwner"/> each page commits only while that owner holds the mailbox's sync
/// lease (<see cref="SyncLeases"/>), so an instance that lost it can never write beside its successor.
/// </remarks>
internal sealed class CorrespondenceIndexWriter(ReconnectDbContext db, ILogger? logger = null, string? leaseOwner = null)
{
    private readonly ILogger _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Applies a page read from <paramref name="folderId"/> and stores where the folder's delta stands.</summary>
    public async Task<PageOutcome> ApplyPageAsync(int mailboxId, UserAddresses owner, string folderId, MessagePage page, CancellationToken cancellationToken)
    {
        var incoming = new Dictionary<string, CopyChange>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var message in page.Messages)
        {
            var result = CorrespondenceRules.Count(message, owner);
            if (result.Reason is not (null or NotCountedReason.Draft or NotCountedReason.NoUsableRecipients))
            {
                skipped++;
                // Debug, and ids only: whatever made the message unusable may be someone's address.
                _logger.LogDebug("Message {GraphId} in folder {FolderId} skipped: {Reason}", message.Id, folderId, result.Reason);
            }

            if (message.FolderId is { } parent && parent != folderId)
            {
                // Graph named a folder we did not read it from (unknown, or moved meanwhile): the copy
                // belongs to the folder whose delta returned it, which is the one that can remove it later.
                _logger.LogDebug("Message {GraphId} names folder {ParentFolderId} but came from folder {FolderId}; filed under the latter", message.Id, parent, folderId);
            }

            // The same id twice in a page: the later state wins, as Graph means it; the earlier is skipped.
            if (incoming.ContainsKey(message.Id))
            {
                skipped++;
                _logger.LogDebug("Message {GraphId} came twice in one page of folder {FolderId}; the later state wins", message.Id, folderId);
            }

            incoming[message.Id] = new CopyChange(result.Message, Removed: false);
        }

        foreach (var removedId in page.RemovedIds)
        {
            incoming[removedId] = new CopyChange(null, Removed: true);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplyCopiesAsync(mailboxId, folderId, incoming, cancellationToken);
        await SaveCursorAsync(mailboxId, folderId, page, cancellationToken);
        // Last before the commit: on PostgreSQL this row lock also holds off a takeover until the page is in.
        var counted = await db.MailboxSyncs.Where(s => s.MailboxId == mailboxId && (leaseOwner == null || s.LeaseOwner == leaseOwner)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MessagesProcessed, x => x.MessagesProcessed + page.Messages.Count + page.RemovedIds.Count)
            .SetProperty(x => x.ItemsSkipped, x => x.ItemsSkipped + skipped), cancellationToken);
        if (counted == 0 && leaseOwner is not null)
        {
            throw new SyncLeaseLostException(mailboxId);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new PageOutcome(page.Messages.Count + page.RemovedIds.Count, skipped);
    }

    /// <summary>
    /// Forgets every copy held in a folder, with its cursor (a folder that no longer exists) or
    /// with only its links cleared (<paramref name="keepCursor"/>: a folder to read again from scratch),
    /// in one transaction.
    /// </summary>
    public async Task RemoveFolderAsync(int mailboxId, string folderId, CancellationToken cancellationToken, bool keepCursor = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.MessageCopies.Where(c => c.MailboxId == mailboxId && c.FolderId == folderId)
            .Select(c => c.GraphId).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(1000))
        {
            await ApplyCopiesAsync(mailboxId, folderId, chunk.ToDictionary(id => id, _ => new CopyChange(null, Removed: true), StringComparer.Ordinal), cancellationToken);
        }

        var cursor = db.FolderCursors.Where(c => c.MailboxId == mailboxId && c.FolderId == folderId);
        if (keepCursor)
        {
            await cursor.ExecuteUpdateAsync(c => c.SetProperty(x => x.NextLink, (string?)null).SetProperty(x => x.DeltaLink, (string?)null), cancellationToken);
        }
        else
        {
            await cursor.ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task ApplyCopiesAsync(int mailboxId, string folderId, Dictionary<string, CopyChange> incoming, CancellationToken cancellationToken)
    {
        var ids = incoming.Keys.ToList();
        var copies = (await BatchSql.LookupAsync(db,
                "SELECT \"GraphId\", \"MessageKey\", \"FolderId\" FROM \"MessageCopies\" WHERE \"MailboxId\" = @p0 AND \"GraphId\" = @p1",
                mailboxId, ids, r => new MessageCopy { MailboxId = mailboxId, GraphId = r.GetString(0), MessageKey = r.GetString(1), FolderId = r.GetString(2) },
                cancellationToken))
            .ToDictionary(c => c.GraphId, StringComparer.Ordinal);

        var copyDeltas = new Dictionary<string, int>(StringComparer.Ordinal);
        var arriving = new Dictionary<string, CountedMessage>(StringComparer.Ordinal);
        var newCopies = new List<object?[]>();
        var changedCopies = new List<MessageCopy>();
        var removedCopies = new List<string>();
        foreach (var (graphId, change) in incoming)
        {
            copies.TryGetValue(graphId, out var copy);
            var counted = change.Counted;
            if (copy is not null && copy.MessageKey == counted?.Key)
            {
                if (copy.FolderId != folderId)
                {
                    changedCopies.Add(new MessageCopy { MailboxId = mailboxId, GraphId = graphId, MessageKey = copy.MessageKey, FolderId = folderId });
                }

                continue;
            }

            // A message moved with a stable id is added in its new folder and removed from its old
            // one, in either order: only the folder that holds the copy may remove it.
            if (change.Removed && copy is not null && copy.FolderId != folderId)
            {
                continue;
            }

            if (copy is not null)
            {
                Adjust(copyDeltas, copy.MessageKey, -1);
            }

            if (counted is null)
            {
                if (copy is not null)
                {
                    removedCopies.Add(graphId);
                }

                continue;
            }

            Adjust(copyDeltas, counted.Key, +1);
            arriving.TryAdd(counted.Key, counted);
            if (copy is null)
            {
                newCopies.Add([mailboxId, graphId, counted.Key, folderId]);
            }
            else
            {
                changedCopies.Add(new MessageCopy { MailboxId = mailboxId, GraphId = graphId, MessageKey = counted.Key, FolderId = folderId });
            }
        }

        await WriteCopiesAsync(mailboxId, newCopies, changedCopies, removedCopies, cancellationToken);

        var keys = copyDeltas.Where(d => d.Value != 0).Select(d => d.Key).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var messages = (await BatchSql.LookupAsync(db,
                "SELECT \"MessageKey\", \"CopyCount\" FROM \"IndexedMessages\" WHERE \"MailboxId\" = @p0 AND \"MessageKey\" = @p1",
                mailboxId, keys, r => (Key: r.GetString(0), Copies: r.GetInt32(1)), cancellationToken))
            .ToDictionary(m => m.Key, m => m.Copies, StringComparer.Ordinal);

        var added = new List<CountedMessage>();
        var departed = new List<string>();
        var recounted = new List<object?[]>();
        foreach (var key in keys)
        {
            var delta = copyDeltas[key];
            if (messages.TryGetValue(key, out var copyCount))
            {
                if (copyCount + delta <= 0)
                {
                    departed.Add(key);
                }
                else
                {
                    recounted.Add([mailboxId, key, copyCount + delta]);
                }
            }
            else if (delta > 0)
            {
                added.Add(arriving[key]);
                messages[key] = delta;
            }
        }

        await BatchSql.InsertAsync(db, "IndexedMessages", MessageColumns,
            [.. added.Select(m => new object?[] { mailboxId, m.Key, m.Direction, m.Date.UtcDateTime, m.Subject, messages[m.Key] })],
            string.Empty, cancellationToken);
        await BatchSql.ExecuteForEachAsync(db,
            "UPDATE \"IndexedMessages\" SET \"CopyCount\" = @p2 WHERE \"MailboxId\" = @p0 AND \"MessageKey\" = @p1", recounted, cancellationToken);
        if (departed.Count > 0)
        {
            await db.IndexedMessages.Where(m => m.MailboxId == mailboxId && departed.Contains(m.MessageKey)).ExecuteDeleteAsync(cancellationToken);
        }

        var recount = await RemoveInteractionsAsync(mailboxId, departed, cancellationToken);
        await AddInteractionsAsync(mailboxId, added, recount, cancellationToken);
        await RecountAsync(mailboxId, recount, cancellationToken);
    }

    private static readonly string[] CopyColumns = ["MailboxId", "GraphId", "MessageKey", "FolderId"];
    private static readonly string[] MessageColumns = ["MailboxId", "MessageKey", "Direction", "Date", "Subject", "CopyCount"];
    private static readonly string[] InteractionColumns = ["MailboxId", "SourceKey", "Address", "Kind", "Direction", "Date", "GroupSize", "Bulk"];
    private static readonly string[] CorrespondentColumns =
    [
        "MailboxId", "Address", "DisplayName", "NameFromSender", "NameSeenAt", "SentCount", "ReceivedCount",
        "FirstSent", "LastSent", "FirstReceived", "LastReceived", "BulkCount", "OtherCount",
    ];

    private async Task WriteCopiesAsync(int mailboxId, List<object?[]> added, List<MessageCopy> changed, List<string> removed, CancellationToken cancellationToken)
    {
        await BatchSql.InsertAsync(db, "MessageCopies", CopyColumns, added, string.Empty, cancellationToken);
        await BatchSql.InsertAsync(db, "MessageCopies", CopyColumns,
            [.. changed.Select(c => new object?[] { c.MailboxId, c.GraphId, c.MessageKey, c.FolderId })],
            BatchSql.OverwriteOnConflict(CopyColumns, keyColumns: 2), cancellationToken);
        if (removed.Count > 0)
        {
            await db.MessageCopies.Where(c => c.MailboxId == mailboxId && removed.Contains(c.GraphId)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<HashSet<string>> RemoveInteractionsAsync(int mailboxId, List<string> departedKeys, CancellationToken cancellationToken)
    {
        if (departedKeys.Count == 0)
        {
            return [];
        }

        var interactions = db.Interactions.Where(i => i.MailboxId == mailboxId && i.Kind == InteractionKind.Email && departedKeys.Contains(i.SourceKey));
        var affected = (await interactions.Select(i => i.Address).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await interactions.ExecuteDeleteAsync(cancellationToken);
        return affected;
    }

    private async Task AddInteractionsAsync(int mailboxId, List<CountedMessage> added, HashSet<string> recount, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var addresses = added.SelectMany(m => m.Correspondents).Select(p => p.Address).Distinct(StringComparer.Ordinal).ToList();
        var correspondents = await db.Correspondents.AsNoTracking()
            .Where(c => c.MailboxId == mailboxId && addresses.Contains(c.Address))
            .ToDictionaryAsync(c => c.Address, StringComparer.Ordinal, cancellationToken);

        var interactions = new List<object?[]>();
        foreach (var message in added)
        {
            var date = message.Date.UtcDateTime;
            foreach (var participant in message.Correspondents)
            {
                interactions.Add([mailboxId, message.Key, participant.Address, InteractionKind.Email, message.Direction, date, message.RecipientCount, message.Bulk]);
                if (!correspondents.TryGetValue(participant.Address, out var correspondent))
                {
                    correspondent = new Correspondent { MailboxId = mailboxId, Address = participant.Address };
                    correspondents.Add(participant.Address, correspondent);
                }

                // Totals of an address being recounted are rebuilt from its interactions afterwards.
                if (!recount.Contains(participant.Address))
                {
                    CorrespondentTotals.Add(correspondent, message.Direction, date, message.Bulk);
                }

                CorrespondentTotals.OfferName(correspondent, participant.DisplayName, message.Direction == Direction.Received, date);
            }
        }

        await BatchSql.InsertAsync(db, "Interactions", InteractionColumns, interactions, string.Empty, cancellationToken);
        var touched = addresses.Select(a => correspondents[a]);
        await BatchSql.InsertAsync(db, "Correspondents", CorrespondentColumns,
            [.. touched.Select(c => new object?[]
            {
                c.MailboxId, c.Address, c.DisplayName, c.NameFromSender, c.NameSeenAt, c.SentCount, c.ReceivedCount,
                c.FirstSent, c.LastSent, c.FirstReceived, c.LastReceived, c.BulkCount, c.OtherCount,
            })],
            BatchSql.OverwriteOnConflict(CorrespondentColumns, keyColumns: 2), cancellationToken);
    }

    private async Task RecountAsync(int mailboxId, HashSet<string> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return;
        }

        var list = addresses.ToList();
        var totals = await db.Interactions
            .Where(i => i.MailboxId == mailboxId && i.Kind == InteractionKind.Email && list.Contains(i.Address))
            .GroupBy(i => new { i.Address, i.Direction })
            .Select(g => new
            {
                g.Key.Address,
                g.Key.Direction,
                Count = g.Count(),
                First = g.Min(i => i.Date),
                Last = g.Max(i => i.Date),
                Bulk = g.Count(i => (i.Bulk & BulkSignals.Headers) != 0),
                Other = g.Count(i => (i.Bulk & BulkSignals.ClassifiedAsOther) != 0),
            })
            .ToListAsync(cancellationToken);

        var correspondents = await db.Correspondents
            .Where(c => c.MailboxId == mailboxId && list.Contains(c.Address))
            .ToListAsync(cancellationToken);
        foreach (var correspondent in correspondents)
        {
            var sent = totals.FirstOrDefault(t => t.Address == correspondent.Address && t.Direction == Direction.Sent);
            var received = totals.FirstOrDefault(t => t.Address == correspondent.Address && t.Direction == Direction.Received);
            if (sent is null && received is null)
            {
                db.Correspondents.Remove(correspondent);
                continue;
            }

            correspondent.SentCount = sent?.Count ?? 0;
            correspondent.FirstSent = sent?.First;
            correspondent.LastSent = sent?.Last;
            correspondent.ReceivedCount = received?.Count ?? 0;
            correspondent.FirstReceived = received?.First;
            correspondent.LastReceived = received?.Last;
            correspondent.BulkCount = received?.Bulk ?? 0;
            correspondent.OtherCount = received?.Other ?? 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task SaveCursorAsync(int mailboxId, string folderId, MessagePage page, CancellationToken cancellationToken)
    {
        await db.FolderCursors.Where(c => c.MailboxId == mailboxId && c.FolderId == folderId).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.NextLink, page.NextLink)
            .SetProperty(x => x.DeltaLink, x => page.DeltaLink ?? x.DeltaLink), cancellationToken);
    }

    private static void Adjust(Dictionary<string, int> deltas, string key, int by) =>
        deltas[key] = deltas.GetValueOrDefault(key) + by;
}

/// <summary>What a page says of one copy: its counted content (null when it counts nothing), or that it left the folder.</summary>
internal readonly record struct CopyChange(CountedMessage? Counted, bool Removed);

/// <summary>What one page did: items read and items skipped as unusable.</summary>
internal readonly record struct PageOutcome(int Processed, int Skipped);

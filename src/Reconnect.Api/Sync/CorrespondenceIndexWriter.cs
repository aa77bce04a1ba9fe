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
    public Task<PageOutcome> ApplyPageAsync(int mailboxId, UserAddresses owner, string folderId, MessagePage page, CancellationToken cancellationToken) =>
        ApplyPagesAsync(mailboxId, owner, [new FolderPage(folderId, page)], cancellationToken);

    /// <summary>
    /// Applies pages in the order given, each with its folder's new cursor, in one transaction: the
    /// sync hands over every page already waiting, because a commit costs about as much for five
    /// pages as for one (the same index pages are written once), and a crash still resumes at the
    /// last committed cursor of each folder.
    /// </summary>
    public async Task<PageOutcome> ApplyPagesAsync(int mailboxId, UserAddresses owner, IReadOnlyList<FolderPage> pages, CancellationToken cancellationToken)
    {
        var outcome = new PageOutcome(0, 0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (folderId, page) in pages)
        {
            var (incoming, skipped) = ReadPage(owner, folderId, page);
            await ApplyCopiesAsync(mailboxId, IndexKeys.Of(folderId), incoming, cancellationToken);
            await SaveCursorAsync(mailboxId, folderId, page, cancellationToken);
            outcome = new PageOutcome(outcome.Pages + 1, outcome.Processed + page.Messages.Count + page.RemovedIds.Count, outcome.Skipped + skipped);
        }

        // Last before the commit: on PostgreSQL this row lock also holds off a takeover until the pages are in.
        var counted = await db.MailboxSyncs.Where(s => s.MailboxId == mailboxId && (leaseOwner == null || s.LeaseOwner == leaseOwner)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MessagesProcessed, x => x.MessagesProcessed + outcome.Processed)
            .SetProperty(x => x.ItemsSkipped, x => x.ItemsSkipped + outcome.Skipped), cancellationToken);
        if (counted == 0 && leaseOwner is not null)
        {
            throw new SyncLeaseLostException(mailboxId);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return outcome;
    }

    /// <summary>What a page says of each copy, by copy id, and how many of its items were unusable.</summary>
    private (Dictionary<long, CopyChange> Incoming, int Skipped) ReadPage(UserAddresses owner, string folderId, MessagePage page)
    {
        var incoming = new Dictionary<long, CopyChange>(page.Messages.Count + page.RemovedIds.Count);
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
            var copyId = IndexKeys.Of(message.Id);
            if (incoming.ContainsKey(copyId))
            {
                skipped++;
                _logger.LogDebug("Message {GraphId} came twice in one page of folder {FolderId}; the later state wins", message.Id, folderId);
            }

            incoming[copyId] = new CopyChange(result.Message, Removed: false);
        }

        foreach (var removedId in page.RemovedIds)
        {
            incoming[IndexKeys.Of(removedId)] = new CopyChange(null, Removed: true);
        }

        return (incoming, skipped);
    }

    /// <summary>
    /// Forgets every copy held in a folder, with its cursor (a folder that no longer exists) or
    /// with only its links cleared (<paramref name="keepCursor"/>: a folder to read again from scratch),
    /// in one transaction.
    /// </summary>
    public async Task RemoveFolderAsync(int mailboxId, string folderId, CancellationToken cancellationToken, bool keepCursor = false)
    {
        var folderKey = IndexKeys.Of(folderId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.MessageCopies.Where(c => c.MailboxId == mailboxId && c.FolderKey == folderKey)
            .Select(c => c.CopyId).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(1000))
        {
            await ApplyCopiesAsync(mailboxId, folderKey, chunk.ToDictionary(id => id, _ => new CopyChange(null, Removed: true)), cancellationToken);
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

    private async Task ApplyCopiesAsync(int mailboxId, long folderKey, Dictionary<long, CopyChange> incoming, CancellationToken cancellationToken)
    {
        var copies = (await BatchSql.LookupAsync(db, "SELECT \"CopyId\", \"MessageId\", \"FolderKey\" FROM \"MessageCopies\"", "CopyId", mailboxId, incoming.Keys,
                r => new MessageCopy { MailboxId = mailboxId, CopyId = r.GetInt64(0), MessageId = r.GetInt64(1), FolderKey = r.GetInt64(2) }, cancellationToken))
            .ToDictionary(c => c.CopyId);

        var copyDeltas = new Dictionary<long, int>();
        var arriving = new Dictionary<long, CountedMessage>();
        var writtenCopies = new List<object?[]>();
        var removedCopies = new List<long>();
        foreach (var (copyId, change) in incoming)
        {
            copies.TryGetValue(copyId, out var copy);
            var counted = change.Counted;
            var messageId = counted is null ? (long?)null : IndexKeys.Of(counted.Key);
            if (copy is not null && copy.MessageId == messageId)
            {
                if (copy.FolderKey != folderKey)
                {
                    writtenCopies.Add([mailboxId, copyId, copy.MessageId, folderKey]);
                }

                continue;
            }

            // A message moved with a stable id is added in its new folder and removed from its old
            // one, in either order: only the folder that holds the copy may remove it.
            if (change.Removed && copy is not null && copy.FolderKey != folderKey)
            {
                continue;
            }

            if (copy is not null)
            {
                Adjust(copyDeltas, copy.MessageId, -1);
            }

            if (counted is null || messageId is not { } id)
            {
                if (copy is not null)
                {
                    removedCopies.Add(copyId);
                }

                continue;
            }

            Adjust(copyDeltas, id, +1);
            arriving.TryAdd(id, counted);
            writtenCopies.Add([mailboxId, copyId, id, folderKey]);
        }

        await BatchSql.InsertAsync(db, "MessageCopies", CopyColumns, writtenCopies, BatchSql.OverwriteOnConflict(CopyColumns, keyColumns: 2), cancellationToken);
        if (removedCopies.Count > 0)
        {
            await db.MessageCopies.Where(c => c.MailboxId == mailboxId && removedCopies.Contains(c.CopyId)).ExecuteDeleteAsync(cancellationToken);
        }

        var keys = copyDeltas.Where(d => d.Value != 0).Select(d => d.Key).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var messages = (await BatchSql.LookupAsync(db, "SELECT \"MessageId\", \"CopyCount\" FROM \"IndexedMessages\"", "MessageId", mailboxId, keys,
                r => (Id: r.GetInt64(0), Copies: r.GetInt32(1)), cancellationToken))
            .ToDictionary(m => m.Id, m => m.Copies);

        var added = new List<(long Id, CountedMessage Message)>();
        var departed = new List<long>();
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
                added.Add((key, arriving[key]));
                messages[key] = delta;
            }
        }

        await BatchSql.InsertAsync(db, "IndexedMessages", MessageColumns,
            [.. added.Select(m => new object?[] { mailboxId, m.Id, m.Message.Key, m.Message.Direction, m.Message.Date.UtcDateTime, m.Message.Subject, messages[m.Id] })],
            string.Empty, cancellationToken);
        await BatchSql.ExecuteForEachAsync(db,
            "UPDATE \"IndexedMessages\" SET \"CopyCount\" = @p2 WHERE \"MailboxId\" = @p0 AND \"MessageId\" = @p1", recounted, cancellationToken);
        if (departed.Count > 0)
        {
            await db.IndexedMessages.Where(m => m.MailboxId == mailboxId && departed.Contains(m.MessageId)).ExecuteDeleteAsync(cancellationToken);
        }

        var recount = await RemoveInteractionsAsync(mailboxId, departed, cancellationToken);
        await AddInteractionsAsync(mailboxId, added, recount, cancellationToken);
        await RecountAsync(mailboxId, recount, cancellationToken);
    }

    private static readonly string[] CopyColumns = ["MailboxId", "CopyId", "MessageId", "FolderKey"];
    private static readonly string[] MessageColumns = ["MailboxId", "MessageId", "MessageKey", "Direction", "Date", "Subject", "CopyCount"];
    private static readonly string[] CorrespondentColumns =
    [
        "MailboxId", "Address", "DisplayName", "NameFromSender", "NameSeenAt", "SentCount", "ReceivedCount",
        "FirstSent", "LastSent", "FirstReceived", "LastReceived", "BulkCount", "OtherCount",
    ];

    private static readonly string SelectCorrespondents =
        $"SELECT {string.Join(", ", CorrespondentColumns.Skip(1).Select(c => $"\"{c}\""))} FROM \"Correspondents\"";

    private async Task<HashSet<string>> RemoveInteractionsAsync(int mailboxId, List<long> departedIds, CancellationToken cancellationToken)
    {
        if (departedIds.Count == 0)
        {
            return [];
        }

        var interactions = db.Interactions.Where(i => i.MailboxId == mailboxId && i.Kind == InteractionKind.Email && departedIds.Contains(i.SourceId));
        var affected = (await interactions.Select(i => i.Address).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await interactions.ExecuteDeleteAsync(cancellationToken);
        return affected;
    }

    private async Task AddInteractionsAsync(int mailboxId, List<(long Id, CountedMessage Message)> added, HashSet<string> recount, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var addresses = added.SelectMany(m => m.Message.Correspondents).Select(p => p.Address).Distinct(StringComparer.Ordinal).ToList();
        var correspondents = (await BatchSql.LookupAsync(db, SelectCorrespondents, "Address", mailboxId, addresses,
                r => ReadCorrespondent(r, mailboxId), cancellationToken))
            .ToDictionary(c => c.Address, StringComparer.Ordinal);

        var interactions = new List<object?[]>();
        foreach (var (id, message) in added)
        {
            var date = message.Date.UtcDateTime;
            foreach (var participant in message.Correspondents)
            {
                interactions.Add(InteractionRows.Row(mailboxId, id, participant.Address, InteractionKind.Email, message.Direction, date, message.RecipientCount, message.Bulk));
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

        await InteractionRows.InsertAsync(db, interactions, cancellationToken);
        var touched = addresses.Select(a => correspondents[a]);
        await BatchSql.InsertAsync(db, "Correspondents", CorrespondentColumns,
            [.. touched.Select(c => new object?[]
            {
                c.MailboxId, c.Address, c.DisplayName, c.NameFromSender, c.NameSeenAt, c.SentCount, c.ReceivedCount,
                c.FirstSent, c.LastSent, c.FirstReceived, c.LastReceived, c.BulkCount, c.OtherCount,
            })],
            BatchSql.OverwriteOnConflict(CorrespondentColumns, keyColumns: 2), cancellationToken);
    }

    /// <summary>A row of <see cref="CorrespondentColumns"/> after the mailbox id, as <see cref="BatchSql.LookupAsync"/> reads it.</summary>
    private static Correspondent ReadCorrespondent(System.Data.Common.DbDataReader row, int mailboxId) => new()
    {
        MailboxId = mailboxId,
        Address = row.GetString(0),
        DisplayName = row.IsDBNull(1) ? null : row.GetString(1),
        NameFromSender = row.GetBoolean(2),
        NameSeenAt = UtcOrNull(row, 3),
        SentCount = row.GetInt32(4),
        ReceivedCount = row.GetInt32(5),
        FirstSent = UtcOrNull(row, 6),
        LastSent = UtcOrNull(row, 7),
        FirstReceived = UtcOrNull(row, 8),
        LastReceived = UtcOrNull(row, 9),
        BulkCount = row.GetInt32(10),
        OtherCount = row.GetInt32(11),
    };

    // Every stored date is UTC; SQLite hands it back unspecified.
    private static DateTime? UtcOrNull(System.Data.Common.DbDataReader row, int column) =>
        row.IsDBNull(column) ? null : DateTime.SpecifyKind(row.GetDateTime(column), DateTimeKind.Utc);

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

    private static void Adjust(Dictionary<long, int> deltas, long key, int by) =>
        deltas[key] = deltas.GetValueOrDefault(key) + by;
}

/// <summary>What a page says of one copy: its counted content (null when it counts nothing), or that it left the folder.</summary>
internal readonly record struct CopyChange(CountedMessage? Counted, bool Removed);

/// <summary>A delta page and the folder it was read from.</summary>
internal readonly record struct FolderPage(string FolderId, MessagePage Page);

/// <summary>What applying pages did: pages, items read, and items skipped as unusable.</summary>
internal readonly record struct PageOutcome(int Pages, int Processed, int Skipped);

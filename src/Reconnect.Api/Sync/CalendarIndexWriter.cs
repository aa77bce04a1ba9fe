using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Core.Correspondence;
using Reconnect.Core.Meetings;
using Reconnect.Core.People;
using Reconnect.Graph;

namespace Reconnect.Api.Sync;

/// <summary>
/// Applies one page of the calendar view's delta to a mailbox's index, with the calendar cursor, in
/// one transaction: each meeting that counts adds one <see cref="InteractionKind.Meeting"/>
/// interaction per person met, keyed by iCalUId + start.
/// </summary>
/// <remarks>
/// The calendar's cursor is a <see cref="FolderCursor"/> with the reserved id <see cref="CursorId"/>
/// (Graph folder ids are long base64 strings, never this word); its display name holds the window
/// the delta link was made for. The correspondents table is mail-only and never touched here.
/// </remarks>
internal sealed class CalendarIndexWriter(ReconnectDbContext db, ILogger? logger = null)
{
    /// <summary>The cursor id of the calendar view.</summary>
    public const string CursorId = "calendar";

    private readonly ILogger _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static readonly string[] EventColumns = ["MailboxId", "GraphId", "MeetingKey", "Start", "Subject", "GroupSize"];

    /// <summary>
    /// The calendar cursor to read from: its stored link and window; a new window (and every meeting
    /// forgotten) when there is none yet or the stored one ends within a month of <paramref name="now"/>.
    /// </summary>
    public async Task<(string? Link, CalendarWindow Window)> PrepareAsync(int mailboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cursor = await db.FolderCursors.AsNoTracking().FirstOrDefaultAsync(c => c.MailboxId == mailboxId && c.FolderId == CursorId, cancellationToken);
        if (cursor is not null && ParseWindow(cursor.DisplayName) is { } stored && stored.End > now.AddMonths(1))
        {
            return (cursor.NextLink ?? cursor.DeltaLink, stored);
        }

        // A window about to run out is renewed: the old delta link would never show what lies beyond it.
        var window = CalendarWindow.Around(now);
        await ResetAsync(mailboxId, window, cancellationToken);
        return (null, window);
    }

    /// <summary>Forgets every meeting and starts the calendar over (new cursor, or links cleared) in one transaction.</summary>
    public async Task ResetAsync(int mailboxId, CalendarWindow window, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Interactions.Where(i => i.MailboxId == mailboxId && i.Kind == InteractionKind.Meeting).ExecuteDeleteAsync(cancellationToken);
        await db.IndexedEvents.Where(e => e.MailboxId == mailboxId).ExecuteDeleteAsync(cancellationToken);
        await db.FolderCursors.Where(c => c.MailboxId == mailboxId && c.FolderId == CursorId).ExecuteDeleteAsync(cancellationToken);
        db.FolderCursors.Add(new FolderCursor { MailboxId = mailboxId, FolderId = CursorId, DisplayName = FormatWindow(window) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Applies a calendar page and stores where the calendar's delta stands.</summary>
    public async Task<PageOutcome> ApplyPageAsync(int mailboxId, UserAddresses owner, EventPage page, CancellationToken cancellationToken)
    {
        var incoming = new Dictionary<string, CountedMeeting?>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var item in page.Events)
        {
            var result = MeetingRules.Count(item, owner);
            if (result.Reason is MeetingSkipReason.NoDate)
            {
                skipped++;
                _logger.LogDebug("Event {GraphId} skipped: {Reason}", item.Id, result.Reason);
            }

            // The same id twice in a page: the later state wins, as for messages.
            incoming[item.Id] = result.Meeting;
        }

        foreach (var removedId in page.RemovedIds)
        {
            incoming[removedId] = null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplyAsync(mailboxId, incoming, cancellationToken);
        await db.FolderCursors.Where(c => c.MailboxId == mailboxId && c.FolderId == CursorId).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.NextLink, page.NextLink)
            .SetProperty(x => x.DeltaLink, x => page.DeltaLink ?? x.DeltaLink), cancellationToken);
        var processed = page.Events.Count + page.RemovedIds.Count;
        // The estimate counts mail only (folders report their sizes; the calendar view does not): it
        // grows with the calendar's pages so that progress never passes 100 %.
        await db.MailboxSyncs.Where(s => s.MailboxId == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MessagesEstimated, x => x.MessagesEstimated < x.MessagesProcessed + processed ? x.MessagesProcessed + processed : x.MessagesEstimated)
            .SetProperty(x => x.MessagesProcessed, x => x.MessagesProcessed + processed)
            .SetProperty(x => x.ItemsSkipped, x => x.ItemsSkipped + skipped), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new PageOutcome(1, processed, skipped);
    }

    private async Task ApplyAsync(int mailboxId, Dictionary<string, CountedMeeting?> incoming, CancellationToken cancellationToken)
    {
        var ids = incoming.Keys.ToList();
        var existing = (await BatchSql.LookupAsync(db,
                "SELECT \"GraphId\", \"MeetingKey\" FROM \"IndexedEvents\"", "GraphId", mailboxId, ids, r => (GraphId: r.GetString(0), Key: r.GetString(1)), cancellationToken))
            .ToDictionary(e => e.GraphId, e => e.Key, StringComparer.Ordinal);

        // Every event of the page is rewritten: its old row and key go, its new state (if it counts) comes.
        var departing = existing.Values.ToHashSet(StringComparer.Ordinal);
        var leaving = existing.Keys.ToList();
        if (leaving.Count > 0)
        {
            await db.IndexedEvents.Where(e => e.MailboxId == mailboxId && leaving.Contains(e.GraphId)).ExecuteDeleteAsync(cancellationToken);
        }

        var arriving = incoming.Where(i => i.Value is not null).Select(i => (GraphId: i.Key, Meeting: i.Value!)).ToList();
        var arrivingKeys = arriving.Select(a => a.Meeting.Key).ToHashSet(StringComparer.Ordinal);

        // A key another event still holds keeps its interactions (two ids of one meeting, unusual in one calendar).
        var stillHeld = (await BatchSql.LookupAsync(db,
                "SELECT \"MeetingKey\" FROM \"IndexedEvents\"", "MeetingKey", mailboxId, departing.Except(arrivingKeys).ToList(), r => r.GetString(0), cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var clear = departing.Where(k => !stillHeld.Contains(k)).Concat(arrivingKeys).Distinct(StringComparer.Ordinal).Select(IndexKeys.Of).ToList();
        foreach (var chunk in clear.Chunk(500))
        {
            await db.Interactions.Where(i => i.MailboxId == mailboxId && i.Kind == InteractionKind.Meeting && chunk.Contains(i.SourceId))
                .ExecuteDeleteAsync(cancellationToken);
        }

        await BatchSql.InsertAsync(db, "IndexedEvents", EventColumns,
            [.. arriving.Select(a => new object?[] { mailboxId, a.GraphId, a.Meeting.Key, a.Meeting.Start.UtcDateTime, a.Meeting.Subject, a.Meeting.GroupSize })],
            string.Empty, cancellationToken);

        var interactions = new List<object?[]>();
        foreach (var meeting in arriving.Select(a => a.Meeting).DistinctBy(m => m.Key, StringComparer.Ordinal))
        {
            var direction = meeting.Organised ? Direction.Sent : Direction.Received;
            foreach (var person in meeting.People)
            {
                interactions.Add(InteractionRows.Row(mailboxId, IndexKeys.Of(meeting.Key), person.Address, InteractionKind.Meeting, direction, meeting.Start.UtcDateTime, meeting.GroupSize, BulkSignals.None));
            }
        }

        await InteractionRows.InsertAsync(db, interactions, cancellationToken);
    }

    private static string FormatWindow(CalendarWindow window) =>
        window.Start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + window.End.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CalendarWindow? ParseWindow(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            && DateTimeOffset.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end)
                ? new CalendarWindow(start, end)
                : null;
    }
}

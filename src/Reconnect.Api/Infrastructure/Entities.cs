using Reconnect.Core.Correspondence;
using Reconnect.Core.People;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// A user's mailbox, keyed by the Entra ID tenant and object ids (never by UPN or address, which
/// change). Every other row points here, so one id filters and erases a user's data.
/// </summary>
public sealed class Mailbox
{
    public int Id { get; set; }
    public required string TenantId { get; set; }
    public required string ObjectId { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>The owner's own addresses, newline-separated, as /me reported them at the last sync.</summary>
    public string OwnAddresses { get; set; } = string.Empty;

    /// <summary>Bumped whenever the people are rebuilt, so every instance knows its cached copy is old.</summary>
    public long PeopleVersion { get; set; }

    /// <summary>The user's staleness threshold in months (3, 6, 12 or 24).</summary>
    public int StaleAfterMonths { get; set; } = 12;

    /// <summary>
    /// When the user last used Reconnect (to the day): the scheduler stops syncing a mailbox whose
    /// user has not come back for <c>Sync:DormantAfter</c>. Null for rows older than the column.
    /// </summary>
    public DateTime? LastSeenAt { get; set; }
}

public enum SyncState
{
    Idle,
    Running,
    Completed,
    Failed,
}

/// <summary>The state of a mailbox's sync, visible while it runs and after.</summary>
public sealed class MailboxSync
{
    public int MailboxId { get; set; }
    public SyncState State { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public long MessagesProcessed { get; set; }
    public long MessagesEstimated { get; set; }
    public long ItemsSkipped { get; set; }
    public string? Error { get; set; }

    /// <summary>Syncs that failed in a row up to the last one (0 once one completes): the scheduler's backoff doubles with it.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>
    /// The instance whose sync holds this mailbox, while <see cref="LeaseExpiresAt"/> is in the future.
    /// Taken and renewed with conditional updates, so instances sharing a database never sync one
    /// mailbox at once, and a lease whose holder died simply runs out.
    /// </summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
}

/// <summary>
/// Where a folder's delta stands: the next page to read (mid-sync) or the delta link for the
/// next sync. Saved with each page's counts, so a crash resumes exactly where it stopped.
/// </summary>
public sealed class FolderCursor
{
    public int MailboxId { get; set; }
    public required string FolderId { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    public string? NextLink { get; set; }
    public string? DeltaLink { get; set; }
    public int TotalItemCount { get; set; }
}

/// <summary>
/// One copy of a message in one folder. Copies are what delta reports; counting is by
/// <see cref="MessageId"/>, so a message counts once while at least one copy of it remains.
/// </summary>
/// <remarks>
/// Copies, messages and interactions are keyed by 64-bit hashes (<see cref="IndexKeys"/>) of Graph ids,
/// Internet Message-IDs and folder ids, never by the strings: those are long and random, and every
/// B-tree keyed by them made each synced page rewrite thousands of index pages.
/// </remarks>
public sealed class MessageCopy
{
    public int MailboxId { get; set; }
    /// <summary>The hash of the copy's Graph message id.</summary>
    public long CopyId { get; set; }
    /// <summary>The hash of the message key (<see cref="IndexedMessage.MessageKey"/>).</summary>
    public long MessageId { get; set; }
    /// <summary>The hash of the Graph id of the folder whose delta holds the copy.</summary>
    public long FolderKey { get; set; }
}

/// <summary>A counted message (one per Internet Message-ID) and how many copies hold it.</summary>
public sealed class IndexedMessage
{
    public int MailboxId { get; set; }
    /// <summary>The hash of <see cref="MessageKey"/>.</summary>
    public long MessageId { get; set; }
    public required string MessageKey { get; set; }
    public Direction Direction { get; set; }
    public DateTime Date { get; set; }
    public string? Subject { get; set; }
    public int CopyCount { get; set; }
}

/// <summary>
/// A calendar event that counts as a meeting (<see cref="Reconnect.Core.Meetings.MeetingRules"/>), by
/// Graph id. Its interactions are keyed by <see cref="MeetingKey"/> (iCalUId + start), so a replayed
/// page or a second full sync writes the same rows, and a moved occurrence leaves its old key.
/// Events that count nothing leave no row.
/// </summary>
public sealed class IndexedEvent
{
    public int MailboxId { get; set; }
    public required string GraphId { get; set; }
    public required string MeetingKey { get; set; }
    public DateTime Start { get; set; }
    public string? Subject { get; set; }
    /// <summary>People met (doubled when the user only answered "tentative").</summary>
    public int GroupSize { get; set; }
}

/// <summary>
/// One exchange with one address: a message sent to them or received from them, or a meeting
/// with them. The history, rhythm and charts of a person are read from these rows; the
/// correspondent totals are their running sums.
/// </summary>
public sealed class Interaction
{
    /// <summary>In insertion order, so a synced page appends its interactions instead of scattering them.</summary>
    public long Id { get; set; }
    public int MailboxId { get; set; }
    public InteractionKind Kind { get; set; }
    /// <summary>The hash of the message key (or meeting key) this interaction comes from.</summary>
    public long SourceId { get; set; }
    public required string Address { get; set; }
    public Direction Direction { get; set; }
    public DateTime Date { get; set; }
    /// <summary>How many people the message went to: a note to one says more than a note to forty.</summary>
    public int GroupSize { get; set; }
    public BulkSignals Bulk { get; set; }
}

/// <summary>The running totals of one correspondent address: the correspondence index proper.</summary>
public sealed class Correspondent
{
    public int MailboxId { get; set; }
    public required string Address { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>Whether the name came from their own From line, which beats what others typed in To.</summary>
    public bool NameFromSender { get; set; }
    public DateTime? NameSeenAt { get; set; }
    public int SentCount { get; set; }
    public int ReceivedCount { get; set; }
    public DateTime? FirstSent { get; set; }
    public DateTime? LastSent { get; set; }
    public DateTime? FirstReceived { get; set; }
    public DateTime? LastReceived { get; set; }
    /// <summary>Received messages that carried bulk headers (List-Id, Precedence, ...).</summary>
    public int BulkCount { get; set; }
    /// <summary>Received messages Outlook sorted into "Other".</summary>
    public int OtherCount { get; set; }
}

/// <summary>An Outlook contact as of the last sync: its addresses belong to one person.</summary>
public sealed class ContactEntry
{
    public int MailboxId { get; set; }
    public required string ContactId { get; set; }
    public string? DisplayName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? CompanyName { get; set; }
    /// <summary>Normalized addresses, newline-separated.</summary>
    public string Addresses { get; set; } = string.Empty;
}

/// <summary>
/// A person as the last people rebuild judged them (<see cref="Reconnect.Core.People.PersonProfile"/>,
/// stored as JSON: it is read whole, into a per-mailbox cache, never queried by its parts).
/// </summary>
public sealed class PersonRow
{
    public int MailboxId { get; set; }
    public required string PersonId { get; set; }
    public required string Profile { get; set; }
}

/// <summary>
/// What the user said of an address: snoozed, dismissed, not a person. Kept per address, not per
/// person, so a later merge or split of people never brings back someone the user set aside.
/// </summary>
public sealed class Feedback
{
    public int MailboxId { get; set; }
    public required string Address { get; set; }
    public DateTime? SnoozedUntil { get; set; }
    public bool Dismissed { get; set; }
    public bool NotAPerson { get; set; }
}

/// <summary>A user's own Scriban template for one drafting strategy (both tones).</summary>
public sealed class UserTemplateRow
{
    public int MailboxId { get; set; }
    public required string Strategy { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
}

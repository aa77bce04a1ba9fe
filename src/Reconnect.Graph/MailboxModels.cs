using Reconnect.Core.Correspondence;

namespace Reconnect.Graph;

/// <summary>The signed-in mailbox owner: who they are and which addresses are theirs.</summary>
public sealed record MailboxOwner(string Id, string? DisplayName, UserAddresses Addresses);

/// <summary>A mail folder the sync reads, with the item count that estimates its work.</summary>
public sealed record MailFolderInfo(string Id, string DisplayName, string? ParentId, int TotalItemCount);

/// <summary>
/// One page of a folder's message delta: messages added or changed, ids removed from the folder,
/// and either the link to the next page or, on the last page, the delta link for the next sync.
/// </summary>
public sealed record MessagePage(
    IReadOnlyList<MessageEnvelope> Messages,
    IReadOnlyList<string> RemovedIds,
    string? NextLink,
    string? DeltaLink)
{
    public bool IsLastPage => NextLink is null;
}

/// <summary>An Outlook contact's name and addresses.</summary>
public sealed record ContactCard(string Id, string? DisplayName, string? GivenName, string? Surname, string? CompanyName, IReadOnlyList<MailboxAddress> Addresses);

/// <summary>One page of the calendar view's delta: events added or changed, ids removed, and the next or delta link.</summary>
public sealed record EventPage(
    IReadOnlyList<Reconnect.Core.Meetings.EventEnvelope> Events,
    IReadOnlyList<string> RemovedIds,
    string? NextLink,
    string? DeltaLink);

/// <summary>
/// The time window the calendar is read over. Meetings only count once past, but the window reaches
/// ahead so that the delta link stays useful for a while: a meeting synced as upcoming counts by
/// itself once its day has passed (see MeetingRules).
/// </summary>
public readonly record struct CalendarWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>10 years back, 1 year ahead, in whole UTC days.</summary>
    public static CalendarWindow Around(DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return new CalendarWindow(today.AddYears(-10), today.AddYears(1));
    }
}

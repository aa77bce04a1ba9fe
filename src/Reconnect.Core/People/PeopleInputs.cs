using Reconnect.Core.Correspondence;

namespace Reconnect.Core.People;

/// <summary>Where an interaction comes from: a message today, a calendar meeting later.</summary>
public enum InteractionKind
{
    Email,
    Meeting,
}

/// <summary>
/// One correspondent address of the index, as the API stores it (mail only; dates UTC).
/// </summary>
/// <param name="BulkCount">Received messages that carried bulk headers (List-Id, Precedence, ...).</param>
/// <param name="OtherCount">Received messages Outlook sorted into "Other".</param>
public sealed record CorrespondentRecord(
    string Address,
    string? DisplayName,
    int SentCount,
    int ReceivedCount,
    DateTime? FirstSent,
    DateTime? LastSent,
    DateTime? FirstReceived,
    DateTime? LastReceived,
    int BulkCount,
    int OtherCount);

/// <summary>
/// One exchange with one address: a message sent to them or received from them, or (later) a meeting.
/// </summary>
/// <param name="Direction">For mail, which way it went. For a meeting, <see cref="Direction.Sent"/> when the user organised it.</param>
/// <param name="GroupSize">How many recipients the message had (a meeting: how many attendees). A note to one
/// says more about a relationship than a note to forty.</param>
/// <param name="Kind">Mail or meeting; a small meeting is two-way by nature.</param>
/// <param name="Bulk">The bulk signals the message carried; bulk mail is never personal contact.</param>
public sealed record InteractionRecord(
    string Address,
    Direction Direction,
    DateTime Date,
    int GroupSize,
    InteractionKind Kind = InteractionKind.Email,
    BulkSignals Bulk = BulkSignals.None);

/// <summary>An Outlook contact: every address on it belongs to one person. Addresses normalized.</summary>
public sealed record ContactRecord(
    string ContactId,
    string? DisplayName,
    string? GivenName,
    string? Surname,
    string? CompanyName,
    IReadOnlyList<string> Addresses);

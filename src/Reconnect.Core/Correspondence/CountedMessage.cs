namespace Reconnect.Core.Correspondence;

/// <summary>Which way a message went, seen from the mailbox owner.</summary>
public enum Direction
{
    Sent,
    Received,
}

/// <summary>A correspondent of one message: a cleaned address and the name the message gave it.</summary>
public sealed record Participant(string Address, string? DisplayName);

/// <summary>
/// What one message contributes to the correspondence index, whatever number of copies the
/// mailbox holds of it: its key (the Internet Message-ID), direction, date and correspondents.
/// </summary>
public sealed record CountedMessage(
    string Key,
    Direction Direction,
    DateTimeOffset Date,
    string? Subject,
    IReadOnlyList<Participant> Correspondents,
    int RecipientCount,
    BulkSignals Bulk);

/// <summary>Why a message adds nothing to the index.</summary>
public enum NotCountedReason
{
    /// <summary>Drafts were never sent: not correspondence.</summary>
    Draft,
    /// <summary>A received message with no From, or a From that is not an SMTP address.</summary>
    NoUsableSender,
    /// <summary>A sent message whose recipients are all missing, legacy addresses or the owner.</summary>
    NoUsableRecipients,
    /// <summary>Neither a sent nor a received date.</summary>
    NoDate,
}

/// <summary>Headers and sorting that mark bulk or machine mail.</summary>
[Flags]
public enum BulkSignals
{
    None = 0,
    ListUnsubscribe = 1,
    ListId = 2,
    PrecedenceBulk = 4,
    AutoSubmitted = 8,
    ClassifiedAsOther = 16,

    /// <summary>The header-borne signals: what a sender says of itself, as opposed to Outlook's guess.</summary>
    Headers = ListUnsubscribe | ListId | PrecedenceBulk | AutoSubmitted,
}

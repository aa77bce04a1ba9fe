namespace Reconnect.Core.Correspondence;

/// <summary>A name and address as a mailbox reports them, before any cleaning.</summary>
public sealed record MailboxAddress(string? Name, string? Address);

/// <summary>An internet message header (List-Id, Precedence, ...).</summary>
public sealed record MessageHeader(string Name, string? Value);

/// <summary>
/// The envelope of one message copy as the mailbox holds it: who, when, where. Never the body.
/// </summary>
public sealed record MessageEnvelope
{
    /// <summary>The mailbox's id of this copy (a copy in another folder has another id).</summary>
    public required string Id { get; init; }
    public string? InternetMessageId { get; init; }
    public string? FolderId { get; init; }
    public bool IsDraft { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public string? Subject { get; init; }
    public MailboxAddress? From { get; init; }
    public IReadOnlyList<MailboxAddress> To { get; init; } = [];
    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];
    public IReadOnlyList<MailboxAddress> Bcc { get; init; } = [];
    public IReadOnlyList<MessageHeader> Headers { get; init; } = [];
    /// <summary>Outlook's Focused/Other sorting put this message in "Other".</summary>
    public bool ClassifiedAsOther { get; init; }
}

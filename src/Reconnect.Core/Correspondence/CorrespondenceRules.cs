namespace Reconnect.Core.Correspondence;

/// <summary>
/// The correspondence rules of design.md: what one message adds to the index.
/// Sent: From is the owner; each distinct To/Cc/Bcc address counts once, dated by sentDateTime.
/// Received: anyone else's message; its From counts once, dated by receivedDateTime.
/// Drafts, the owner's own addresses, legacy and missing addresses never count; a placeholder
/// date (before 1900 or from 2200 on, such as Exchange's 1601 and 9999) is no date.
/// Folders (Junk Email, Outbox) are the reader's concern: it never reads them.
/// </summary>
public static class CorrespondenceRules
{
    /// <summary>Counts a message, or says why it adds nothing.</summary>
    public static CountResult Count(MessageEnvelope message, UserAddresses owner)
    {
        if (message.IsDraft)
        {
            return CountResult.Skip(NotCountedReason.Draft);
        }

        var from = EmailAddress.Normalize(message.From?.Address);
        var sent = owner.Contains(from);
        if (!sent && from is null)
        {
            return CountResult.Skip(NotCountedReason.NoUsableSender);
        }

        DateTimeOffset? date = sent
            ? Plausible(message.SentAt) ?? Plausible(message.ReceivedAt)
            : Plausible(message.ReceivedAt) ?? Plausible(message.SentAt);
        if (date is null)
        {
            return CountResult.Skip(NotCountedReason.NoDate);
        }

        IReadOnlyList<Participant> correspondents = sent
            ? Recipients(message, owner)
            : [new Participant(from!, DisplayNames.Clean(message.From?.Name))];
        if (correspondents.Count == 0)
        {
            return CountResult.Skip(NotCountedReason.NoUsableRecipients);
        }

        var recipientCount = message.To.Count + message.Cc.Count + message.Bcc.Count;
        return CountResult.Counted(new CountedMessage(
            MessageKey(message),
            sent ? Direction.Sent : Direction.Received,
            date.Value.ToUniversalTime(),
            DisplayNames.CleanSubject(message.Subject),
            correspondents,
            recipientCount,
            BulkSignalsOf(message)));
    }

    /// <summary>Dates outside these bounds are placeholders, not dates.</summary>
    public static readonly DateTimeOffset EarliestDate = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc cref="EarliestDate"/>
    public static readonly DateTimeOffset LatestDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A date the index can use, or null: Exchange writes 1601-01-01 (the FILETIME epoch) and
    /// 9999-12-31 for "no date", and such a date would become someone's first or last contact. The
    /// message's other date stands in; with neither, the message is skipped as having no date.
    /// </summary>
    public static DateTimeOffset? Plausible(DateTimeOffset? date) =>
        date is { } d && d >= EarliestDate && d < LatestDate ? d : null;

    /// <summary>
    /// The identity of a message across folders and syncs: its Internet Message-ID, or the
    /// mailbox id of the copy when a message has none (then copies cannot be recognised).
    /// </summary>
    public static string MessageKey(MessageEnvelope message)
    {
        var id = message.InternetMessageId?.Trim();
        return string.IsNullOrEmpty(id) ? "id:" + message.Id : id;
    }

    /// <summary>The bulk and machine-mail signals a message carries.</summary>
    public static BulkSignals BulkSignalsOf(MessageEnvelope message)
    {
        var signals = message.ClassifiedAsOther ? BulkSignals.ClassifiedAsOther : BulkSignals.None;
        foreach (var header in message.Headers)
        {
            var value = header.Value?.Trim() ?? string.Empty;
            signals |= header.Name.Trim().ToLowerInvariant() switch
            {
                "list-unsubscribe" => BulkSignals.ListUnsubscribe,
                "list-id" => BulkSignals.ListId,
                "precedence" when value.Equals("bulk", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("list", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("junk", StringComparison.OrdinalIgnoreCase) => BulkSignals.PrecedenceBulk,
                "auto-submitted" when !IsNo(value) => BulkSignals.AutoSubmitted,
                _ => BulkSignals.None,
            };
        }

        return signals;
    }

    // "Auto-Submitted: no" (possibly with parameters) is the one value that means a person sent it.
    private static bool IsNo(string value)
    {
        var token = value.Split(';', 2)[0].Trim();
        return token.Equals("no", StringComparison.OrdinalIgnoreCase);
    }

    private static List<Participant> Recipients(MessageEnvelope message, UserAddresses owner)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recipients = new List<Participant>();
        foreach (var recipient in message.To.Concat(message.Cc).Concat(message.Bcc))
        {
            var address = EmailAddress.Normalize(recipient.Address);
            if (address is not null && !owner.Contains(address) && seen.Add(address))
            {
                recipients.Add(new Participant(address, DisplayNames.Clean(recipient.Name)));
            }
        }

        return recipients;
    }
}

/// <summary>A message's contribution, or the reason it has none.</summary>
public readonly record struct CountResult(CountedMessage? Message, NotCountedReason? Reason)
{
    public static CountResult Counted(CountedMessage message) => new(message, null);

    public static CountResult Skip(NotCountedReason reason) => new(null, reason);
}

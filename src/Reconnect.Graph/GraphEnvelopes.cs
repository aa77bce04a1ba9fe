using Microsoft.Graph.Models;
using Reconnect.Core.Correspondence;

namespace Reconnect.Graph;

/// <summary>Maps Graph's message model onto the core's envelope, so no Graph type leaves this project.</summary>
internal static class GraphEnvelopes
{
    public static MessageEnvelope ToEnvelope(Message message, string folderId) => new()
    {
        Id = message.Id!,
        InternetMessageId = message.InternetMessageId,
        FolderId = message.ParentFolderId ?? folderId,
        IsDraft = message.IsDraft ?? false,
        SentAt = message.SentDateTime,
        ReceivedAt = message.ReceivedDateTime,
        Subject = message.Subject,
        From = ToAddress(message.From),
        To = ToAddresses(message.ToRecipients),
        Cc = ToAddresses(message.CcRecipients),
        Bcc = ToAddresses(message.BccRecipients),
        Headers = [.. (message.InternetMessageHeaders ?? []).Where(h => h.Name is not null).Select(h => new MessageHeader(h.Name!, h.Value))],
        ClassifiedAsOther = message.InferenceClassification == InferenceClassificationType.Other,
    };

    private static MailboxAddress? ToAddress(Recipient? recipient) =>
        recipient?.EmailAddress is { } email ? new MailboxAddress(email.Name, email.Address) : null;

    private static IReadOnlyList<MailboxAddress> ToAddresses(List<Recipient>? recipients) =>
        recipients is null or [] ? [] : [.. recipients.Select(ToAddress).OfType<MailboxAddress>()];
}

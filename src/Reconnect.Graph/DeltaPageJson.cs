using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reconnect.Core.Correspondence;

namespace Reconnect.Graph;

/// <summary>
/// The JSON of one page of <c>messages/delta</c>, read with System.Text.Json's source generator.
/// The SDK still builds, authenticates and sends the request and maps errors; only this hot
/// response is read here, because the SDK's generic parse node costs ~10x more CPU per message
/// than the sync's whole local processing budget.
/// </summary>
internal sealed record DeltaPageJson(
    [property: JsonPropertyName("value")] List<MessageJson>? Value,
    [property: JsonPropertyName("@odata.nextLink")] string? NextLink,
    [property: JsonPropertyName("@odata.deltaLink")] string? DeltaLink);

internal sealed record MessageJson(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("internetMessageId")] string? InternetMessageId,
    [property: JsonPropertyName("parentFolderId")] string? ParentFolderId,
    [property: JsonPropertyName("isDraft")] bool? IsDraft,
    [property: JsonPropertyName("sentDateTime")] string? SentDateTime,
    [property: JsonPropertyName("receivedDateTime")] string? ReceivedDateTime,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("from")] RecipientJson? From,
    [property: JsonPropertyName("toRecipients")] List<RecipientJson?>? ToRecipients,
    [property: JsonPropertyName("ccRecipients")] List<RecipientJson?>? CcRecipients,
    [property: JsonPropertyName("bccRecipients")] List<RecipientJson?>? BccRecipients,
    [property: JsonPropertyName("internetMessageHeaders")] List<HeaderJson?>? InternetMessageHeaders,
    [property: JsonPropertyName("inferenceClassification")] string? InferenceClassification,
    [property: JsonPropertyName("@removed")] JsonElement? Removed)
{
    public bool IsRemoved => Removed is { ValueKind: JsonValueKind.Object };

    public MessageEnvelope ToEnvelope(string folderId) => new()
    {
        Id = Id!,
        InternetMessageId = InternetMessageId,
        FolderId = ParentFolderId ?? folderId,
        IsDraft = IsDraft ?? false,
        SentAt = ParseDate(SentDateTime),
        ReceivedAt = ParseDate(ReceivedDateTime),
        Subject = Subject,
        From = From?.ToAddress(),
        To = ToAddresses(ToRecipients),
        Cc = ToAddresses(CcRecipients),
        Bcc = ToAddresses(BccRecipients),
        Headers = InternetMessageHeaders is null ? [] : [.. InternetMessageHeaders.Where(h => h?.Name is not null).Select(h => new MessageHeader(h!.Name!, h.Value))],
        ClassifiedAsOther = string.Equals(InferenceClassification, "other", StringComparison.OrdinalIgnoreCase),
    };

    // A date Graph (or a broken mailbox) wrote badly is a missing date, not a failed page.
    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static IReadOnlyList<MailboxAddress> ToAddresses(List<RecipientJson?>? recipients) =>
        recipients is null or [] ? [] : [.. recipients.Select(r => r?.ToAddress()).OfType<MailboxAddress>()];
}

internal sealed record RecipientJson([property: JsonPropertyName("emailAddress")] EmailAddressJson? EmailAddress)
{
    public MailboxAddress? ToAddress() => EmailAddress is { } email ? new MailboxAddress(email.Name, email.Address) : null;
}

internal sealed record EmailAddressJson(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("address")] string? Address);

internal sealed record HeaderJson(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("value")] string? Value);

[JsonSerializable(typeof(DeltaPageJson))]
[JsonSourceGenerationOptions(AllowTrailingCommas = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class GraphJsonContext : JsonSerializerContext;

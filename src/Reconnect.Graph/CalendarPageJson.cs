using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reconnect.Core.Correspondence;
using Reconnect.Core.Meetings;

namespace Reconnect.Graph;

/// <summary>
/// The JSON of one page of <c>calendarView/delta</c>, read with System.Text.Json's source
/// generator for the same reason as <see cref="DeltaPageJson"/>: an all-hands carries hundreds of
/// attendees, and the SDK's generic parse nodes are the costly part of a page.
/// </summary>
internal sealed record CalendarPageJson(
    [property: JsonPropertyName("value")] List<EventJson>? Value,
    [property: JsonPropertyName("@odata.nextLink")] string? NextLink,
    [property: JsonPropertyName("@odata.deltaLink")] string? DeltaLink);

internal sealed record EventJson(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("iCalUId")] string? ICalUId,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("start")] DateTimeTimeZoneJson? Start,
    [property: JsonPropertyName("end")] DateTimeTimeZoneJson? End,
    [property: JsonPropertyName("isAllDay")] bool? IsAllDay,
    [property: JsonPropertyName("isCancelled")] bool? IsCancelled,
    [property: JsonPropertyName("isOrganizer")] bool? IsOrganizer,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("organizer")] RecipientJson? Organizer,
    [property: JsonPropertyName("attendees")] List<AttendeeJson?>? Attendees,
    [property: JsonPropertyName("responseStatus")] ResponseStatusJson? ResponseStatus,
    [property: JsonPropertyName("@removed")] JsonElement? Removed)
{
    public bool IsRemoved => Removed is { ValueKind: JsonValueKind.Object };

    public EventEnvelope ToEnvelope() => new()
    {
        Id = Id!,
        ICalUId = ICalUId,
        Subject = Subject,
        Start = Start?.ToUtc(),
        End = End?.ToUtc(),
        IsAllDay = IsAllDay ?? false,
        IsCancelled = IsCancelled ?? false,
        IsOrganizer = IsOrganizer,
        Type = Type,
        Organizer = Organizer?.ToAddress(),
        UserResponse = MeetingRules.ParseResponse(ResponseStatus?.Response),
        Attendees = Attendees is null ? [] : [.. Attendees
            .Where(a => a?.EmailAddress is not null)
            .Select(a => new EventAttendee(
                new MailboxAddress(a!.EmailAddress!.Name, a.EmailAddress.Address),
                MeetingRules.ParseAttendeeType(a.Type),
                MeetingRules.ParseResponse(a.Status?.Response)))],
    };
}

/// <summary>Graph's dateTimeTimeZone. The reader asks for UTC (<c>Prefer: outlook.timezone="UTC"</c>).</summary>
internal sealed record DateTimeTimeZoneJson(
    [property: JsonPropertyName("dateTime")] string? DateTime,
    [property: JsonPropertyName("timeZone")] string? TimeZone)
{
    // Any other zone would mean Graph ignored the Prefer header; the local wall time is then read as UTC,
    // at worst hours off, which is nothing next to months of silence.
    public DateTimeOffset? ToUtc() =>
        System.DateTime.TryParse(DateTime, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc))
            : null;
}

internal sealed record AttendeeJson(
    [property: JsonPropertyName("emailAddress")] EmailAddressJson? EmailAddress,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] ResponseStatusJson? Status);

internal sealed record ResponseStatusJson([property: JsonPropertyName("response")] string? Response);

[JsonSerializable(typeof(CalendarPageJson))]
[JsonSourceGenerationOptions(AllowTrailingCommas = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class CalendarJsonContext : JsonSerializerContext;

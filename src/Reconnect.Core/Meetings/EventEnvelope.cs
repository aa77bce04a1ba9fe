using Reconnect.Core.Correspondence;

namespace Reconnect.Core.Meetings;

/// <summary>An answer to a meeting invitation, the user's own or an attendee's (Graph's <c>responseType</c>).</summary>
public enum MeetingResponse
{
    None,
    Organizer,
    TentativelyAccepted,
    Accepted,
    Declined,
    NotResponded,
}

/// <summary>How an attendee was invited; a <see cref="Resource"/> is a room or equipment, never a person.</summary>
public enum AttendeeType
{
    Required,
    Optional,
    Resource,
}

/// <summary>One attendee of an event as Graph lists it.</summary>
public sealed record EventAttendee(MailboxAddress Address, AttendeeType Type, MeetingResponse Response);

/// <summary>
/// The envelope of one calendar event (an occurrence, an exception or a single meeting), the
/// only properties <c>Calendars.ReadBasic</c> and the sync's <c>$select</c> bring: who, when,
/// and who said yes. Dates are UTC (the reader asks Graph for UTC).
/// </summary>
public sealed record EventEnvelope
{
    public required string Id { get; init; }
    public string? ICalUId { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public bool IsAllDay { get; init; }
    public bool IsCancelled { get; init; }
    /// <summary>Graph's <c>type</c>: singleInstance, occurrence, exception or seriesMaster.</summary>
    public string? Type { get; init; }
    public bool? IsOrganizer { get; init; }
    public MailboxAddress? Organizer { get; init; }
    public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];
    /// <summary>The user's own answer (<c>responseStatus.response</c>).</summary>
    public MeetingResponse UserResponse { get; init; }
}

using Reconnect.Core.Correspondence;

namespace Reconnect.Core.Meetings;

/// <summary>
/// What one meeting adds to the index: one interaction per person met, all dated by the start.
/// </summary>
/// <param name="Key">The meeting's identity across syncs: <c>meeting:{iCalUId}|{start}</c>. Graph gives each
/// occurrence of a series its own iCalUId, but calendars and servers that repeat the series' uid still
/// count occurrence by occurrence: the start tells them apart.</param>
/// <param name="Organised">The user organised it (stored as <see cref="Direction.Sent"/>).</param>
/// <param name="GroupSize">The weight divisor: the people met, doubled when the user only said "tentative".</param>
/// <param name="People">The attendees (and organizer) who count, the user excluded.</param>
public sealed record CountedMeeting(
    string Key,
    DateTimeOffset Start,
    string? Subject,
    bool Organised,
    bool Tentative,
    int GroupSize,
    IReadOnlyList<Participant> People);

/// <summary>Why a meeting adds nothing.</summary>
public enum MeetingSkipReason
{
    /// <summary>The series master: calendarView reports each occurrence on its own.</summary>
    SeriesMaster,
    Cancelled,
    AllDay,
    /// <summary>24 hours or more: a conference, a trip, an out-of-office block, not a meeting.</summary>
    TooLong,
    NoDate,
    /// <summary>The user declined, or never answered.</summary>
    NotAttended,
    /// <summary>Nobody but the user (and rooms) attended: a reminder, a focus block.</summary>
    NoOtherPeople,
}

/// <summary>A meeting's contribution, or the reason it has none.</summary>
public readonly record struct MeetingResult(CountedMeeting? Meeting, MeetingSkipReason? Reason)
{
    public static MeetingResult Counted(CountedMeeting meeting) => new(meeting, null);

    public static MeetingResult Skip(MeetingSkipReason reason) => new(null, reason);
}

using System.Globalization;
using Reconnect.Core.Correspondence;
using Reconnect.Core.People;

namespace Reconnect.Core.Meetings;

/// <summary>
/// Which calendar events count as contact, and with whom.
/// </summary>
/// <remarks>
/// <para>A meeting counts when it is a real meeting the user went to with other people:</para>
/// <list type="bullet">
/// <item>not cancelled, not all-day, shorter than 24 hours (longer blocks are trips, conferences and
/// out-of-office, not contact); a series master never counts itself, its occurrences do, one by one;</item>
/// <item>the user organised it or accepted it; "tentative" counts, but less (its weight is halved,
/// as if the meeting were twice as large); declined and never-answered invitations do not count;</item>
/// <item>each attendee who did not decline is met, plus the organizer; rooms and equipment
/// (<c>type: resource</c>) and the user's own addresses are not people;</item>
/// <item>each person met gets one interaction dated by the start, of group size the number of people met
/// (see <see cref="PeopleBuilder"/>: weight 1/size, so a 1:1 says everything and a 300-person all-hands
/// almost nothing; only meetings of at most <see cref="PeopleBuilder.PersonalGroupLimit"/> people are
/// personal contact, so a large meeting never resets the staleness clock);</item>
/// <item>only meetings that have started count (<see cref="HasHappened"/>). That test is applied when people
/// are judged, not when the event is synced: a meeting synced while still ahead is stored, and counts
/// once its time has come without Graph having to report it again.</item>
/// </list>
/// </remarks>
public static class MeetingRules
{
    /// <summary>A meeting this long or longer is not a meeting.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>Counts a meeting, or says why it adds nothing. Independent of the clock.</summary>
    public static MeetingResult Count(EventEnvelope meeting, UserAddresses owner)
    {
        if (string.Equals(meeting.Type, "seriesMaster", StringComparison.OrdinalIgnoreCase))
        {
            return MeetingResult.Skip(MeetingSkipReason.SeriesMaster);
        }

        if (meeting.IsCancelled)
        {
            return MeetingResult.Skip(MeetingSkipReason.Cancelled);
        }

        if (meeting.IsAllDay)
        {
            return MeetingResult.Skip(MeetingSkipReason.AllDay);
        }

        if (CorrespondenceRules.Plausible(meeting.Start) is not { } start)
        {
            return MeetingResult.Skip(MeetingSkipReason.NoDate);
        }

        if (CorrespondenceRules.Plausible(meeting.End) is { } end && end - start >= MaxDuration)
        {
            return MeetingResult.Skip(MeetingSkipReason.TooLong);
        }

        var organizer = EmailAddress.Normalize(meeting.Organizer?.Address);
        var organised = meeting.IsOrganizer == true || meeting.UserResponse == MeetingResponse.Organizer || owner.Contains(organizer);
        var tentative = !organised && meeting.UserResponse == MeetingResponse.TentativelyAccepted;
        if (!organised && !tentative && meeting.UserResponse != MeetingResponse.Accepted)
        {
            return MeetingResult.Skip(MeetingSkipReason.NotAttended);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<Participant>();
        if (organizer is not null && !owner.Contains(organizer) && seen.Add(organizer))
        {
            people.Add(new Participant(organizer, DisplayNames.Clean(meeting.Organizer?.Name)));
        }

        foreach (var attendee in meeting.Attendees)
        {
            if (attendee.Type == AttendeeType.Resource || attendee.Response == MeetingResponse.Declined)
            {
                continue;
            }

            var address = EmailAddress.Normalize(attendee.Address.Address);
            if (address is not null && !owner.Contains(address) && seen.Add(address))
            {
                people.Add(new Participant(address, DisplayNames.Clean(attendee.Address.Name)));
            }
        }

        if (people.Count == 0)
        {
            return MeetingResult.Skip(MeetingSkipReason.NoOtherPeople);
        }

        return MeetingResult.Counted(new CountedMeeting(
            MeetingKey(meeting.ICalUId, meeting.Id, start),
            start.ToUniversalTime(),
            DisplayNames.CleanSubject(meeting.Subject),
            organised,
            tentative,
            people.Count * (tentative ? 2 : 1),
            people));
    }

    /// <summary>
    /// A meeting's identity across syncs: the iCalendar uid (the same on every attendee's calendar;
    /// per occurrence in Graph, per series elsewhere) with its start, or the Graph id when it has no uid.
    /// A moved occurrence is a new key; the old one leaves with the old state of the event.
    /// </summary>
    public static string MeetingKey(string? iCalUId, string id, DateTimeOffset start) =>
        "meeting:" + (string.IsNullOrWhiteSpace(iCalUId) ? "id:" + id : iCalUId.Trim()) + "|"
        + start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A meeting counts once it has started.</summary>
    public static bool HasHappened(DateTime start, DateTime now) => start <= now;

    /// <summary>The interactions that count at <paramref name="now"/>: every message, and the meetings that have started.</summary>
    public static IEnumerable<InteractionRecord> HappenedBy(IEnumerable<InteractionRecord> interactions, DateTime now) =>
        interactions.Where(i => i.Kind != InteractionKind.Meeting || HasHappened(i.Date, now));

    /// <summary>Graph's <c>responseType</c> text as a <see cref="MeetingResponse"/> (unknown text is <see cref="MeetingResponse.None"/>).</summary>
    public static MeetingResponse ParseResponse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "organizer" => MeetingResponse.Organizer,
        "tentativelyaccepted" => MeetingResponse.TentativelyAccepted,
        "accepted" => MeetingResponse.Accepted,
        "declined" => MeetingResponse.Declined,
        "notresponded" => MeetingResponse.NotResponded,
        _ => MeetingResponse.None,
    };

    /// <summary>Graph's <c>attendeeType</c> text (unknown text is <see cref="AttendeeType.Required"/>).</summary>
    public static AttendeeType ParseAttendeeType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "resource" => AttendeeType.Resource,
        "optional" => AttendeeType.Optional,
        _ => AttendeeType.Required,
    };
}

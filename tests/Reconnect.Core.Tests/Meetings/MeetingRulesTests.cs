using Reconnect.Core.Correspondence;
using Reconnect.Core.Meetings;
using Reconnect.Core.People;
using Reconnect.Core.Staleness;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.Meetings;

public sealed class MeetingRulesTests
{
    private static readonly UserAddresses Owner = new(["me@work.example", "me@home.example"]);
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);

    private static EventAttendee Attendee(string address, MeetingResponse response = MeetingResponse.Accepted, AttendeeType type = AttendeeType.Required) =>
        new(new MailboxAddress(address.Split('@')[0], address), type, response);

    private static EventEnvelope Meeting(params EventAttendee[] attendees) => new()
    {
        Id = "AAMk1",
        ICalUId = "uid-1",
        Subject = "1:1",
        Start = Start,
        End = Start.AddMinutes(30),
        Type = "singleInstance",
        Organizer = new MailboxAddress("Me", "me@work.example"),
        IsOrganizer = true,
        UserResponse = MeetingResponse.Organizer,
        Attendees = attendees.Length > 0 ? attendees : [Attendee("ann@x.example")],
    };

    [Fact]
    public void Count_OneOnOneTheUserOrganised_CountsTheOtherPersonAlone()
    {
        var result = MeetingRules.Count(Meeting(), Owner);

        var meeting = Assert.IsType<CountedMeeting>(result.Meeting);
        Assert.Equal("ann@x.example", Assert.Single(meeting.People).Address);
        Assert.Equal(1, meeting.GroupSize);
        Assert.True(meeting.Organised);
        Assert.Equal("meeting:uid-1|2025-03-14T15:00:00.0000000Z", meeting.Key);
    }

    [Theory]
    [InlineData(MeetingResponse.Declined, MeetingSkipReason.NotAttended)]
    [InlineData(MeetingResponse.NotResponded, MeetingSkipReason.NotAttended)]
    [InlineData(MeetingResponse.None, MeetingSkipReason.NotAttended)]
    public void Count_InvitationNotAccepted_DoesNotCount(MeetingResponse response, MeetingSkipReason reason)
    {
        var invited = Meeting() with { IsOrganizer = false, UserResponse = response, Organizer = new MailboxAddress("Ann", "ann@x.example") };

        Assert.Equal(reason, MeetingRules.Count(invited, Owner).Reason);
    }

    [Fact]
    public void Count_AcceptedInvitation_CountsTheOrganizerAndTheOtherAttendees()
    {
        var invited = Meeting(Attendee("me@home.example"), Attendee("bob@x.example", MeetingResponse.NotResponded)) with
        {
            IsOrganizer = false,
            UserResponse = MeetingResponse.Accepted,
            Organizer = new MailboxAddress("Ann", "Ann@X.example"),
        };

        var meeting = MeetingRules.Count(invited, Owner).Meeting!;

        Assert.Equal(["ann@x.example", "bob@x.example"], meeting.People.Select(p => p.Address));
        Assert.False(meeting.Organised);
        Assert.Equal(2, meeting.GroupSize);
    }

    [Fact]
    public void Count_TentativeAnswer_CountsAtHalfWeight()
    {
        var tentative = Meeting() with { IsOrganizer = false, UserResponse = MeetingResponse.TentativelyAccepted, Organizer = new MailboxAddress("Ann", "ann@x.example") };

        var meeting = MeetingRules.Count(tentative, Owner).Meeting!;

        Assert.True(meeting.Tentative);
        Assert.Equal(2, meeting.GroupSize);
    }

    [Fact]
    public void Count_DeclinedAttendeesAndRooms_AreNotMet()
    {
        var meeting = MeetingRules.Count(Meeting(
            Attendee("ann@x.example"),
            Attendee("bob@x.example", MeetingResponse.Declined),
            Attendee("room.4b@x.example", MeetingResponse.Accepted, AttendeeType.Resource),
            Attendee("cy@x.example", MeetingResponse.TentativelyAccepted, AttendeeType.Optional)), Owner).Meeting!;

        Assert.Equal(["ann@x.example", "cy@x.example"], meeting.People.Select(p => p.Address));
    }

    [Fact]
    public void Count_OnlyRoomsAndTheUser_IsNoMeeting()
    {
        var focus = Meeting(Attendee("room.4b@x.example", type: AttendeeType.Resource), Attendee("me@home.example"));

        Assert.Equal(MeetingSkipReason.NoOtherPeople, MeetingRules.Count(focus, Owner).Reason);
    }

    [Fact]
    public void Count_CancelledAllDayLongAndSeriesMaster_DoNotCount()
    {
        Assert.Equal(MeetingSkipReason.Cancelled, MeetingRules.Count(Meeting() with { IsCancelled = true }, Owner).Reason);
        Assert.Equal(MeetingSkipReason.AllDay, MeetingRules.Count(Meeting() with { IsAllDay = true }, Owner).Reason);
        Assert.Equal(MeetingSkipReason.TooLong, MeetingRules.Count(Meeting() with { End = Start.AddHours(24) }, Owner).Reason);
        Assert.Null(MeetingRules.Count(Meeting() with { End = Start.AddHours(23.5) }, Owner).Reason);
        Assert.Equal(MeetingSkipReason.SeriesMaster, MeetingRules.Count(Meeting() with { Type = "seriesMaster" }, Owner).Reason);
        Assert.Equal(MeetingSkipReason.NoDate, MeetingRules.Count(Meeting() with { Start = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero) }, Owner).Reason);
    }

    [Fact]
    public void Count_OccurrencesOfASeries_CountOneByOne()
    {
        var first = MeetingRules.Count(Meeting() with { Type = "occurrence" }, Owner).Meeting!;
        var second = MeetingRules.Count(Meeting() with { Type = "occurrence", Id = "AAMk2", Start = Start.AddDays(7), End = Start.AddDays(7).AddMinutes(30) }, Owner).Meeting!;

        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public void Count_AllHands_WeighsByItsSize()
    {
        var attendees = Enumerable.Range(0, 300).Select(i => Attendee($"p{i}@x.example")).ToArray();

        var meeting = MeetingRules.Count(Meeting(attendees), Owner).Meeting!;

        Assert.Equal(300, meeting.GroupSize);
    }

    [Fact]
    public void HappenedBy_FutureMeetings_AreLeftOutButMailStays()
    {
        var now = Day(2026, 11, 26);
        InteractionRecord[] records =
        [
            new("a@x.example", Direction.Sent, now.AddDays(1), 1, InteractionKind.Email),
            new("a@x.example", Direction.Sent, now.AddDays(1), 1, InteractionKind.Meeting),
            new("a@x.example", Direction.Sent, now.AddDays(-1), 1, InteractionKind.Meeting),
        ];

        Assert.Equal(2, MeetingRules.HappenedBy(records, now).Count());
    }
}

public sealed class MeetingStalenessTests
{
    private static readonly DateTime Now = Day(2026, 11, 26);

    private static PersonProfile Build(params InteractionRecord[] interactions) =>
        Assert.Single(PeopleBuilder.Build([], interactions, []));

    private static InteractionRecord Mail(DateTime date, Direction direction) => new("friend@x.example", direction, date, 1);

    private static InteractionRecord Met(DateTime date, int size) => new("friend@x.example", Direction.Received, date, size, InteractionKind.Meeting);

    [Fact]
    public void AFriendMetLastMonthButNotMailedForTwoYears_IsNotStale()
    {
        var person = Build(Mail(Now.AddYears(-2), Direction.Sent), Mail(Now.AddYears(-2).AddDays(1), Direction.Received), Met(Now.AddMonths(-1), 1));

        Assert.False(StalenessJudge.Judge(person, Now, StalenessPolicy.Default).IsStale);
        Assert.Equal(1, person.MeetingCount);
        Assert.Equal(Now.AddMonths(-1), person.LastPersonalContact);
    }

    [Fact]
    public void AFriendSeenOnlyAtAllHandsSinceLastMail_StaysStale()
    {
        var person = Build(Mail(Now.AddYears(-2), Direction.Sent), Mail(Now.AddYears(-2).AddDays(1), Direction.Received), Met(Now.AddMonths(-1), 300), Met(Now.AddMonths(-4), 40));

        Assert.True(StalenessJudge.Judge(person, Now, StalenessPolicy.Default).IsStale);
        Assert.Equal(Now.AddYears(-2).AddDays(1), person.LastPersonalContact);
    }
}

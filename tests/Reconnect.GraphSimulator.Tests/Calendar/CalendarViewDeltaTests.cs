using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Reconnect.GraphSimulator.Tests.Support;
using static Reconnect.Testing.CalendarLines;

namespace Reconnect.GraphSimulator.Tests.Calendar;

/// <summary>/me/calendarView/delta over events.jsonl, read by the real Graph SDK.</summary>
public sealed class CalendarViewDeltaTests
{
    private static readonly DateTime T0 = new(2025, 3, 4, 15, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Select =
        ["id", "iCalUId", "subject", "start", "end", "isAllDay", "isCancelled", "isOrganizer", "type", "organizer", "attendees", "responseStatus"];

    private static TestMailbox Calendar()
    {
        var mailbox = TestMailbox.CopyOfSample();
        mailbox.WriteEvents(
            Event("E1", "uid-1", T0, attendees: [("ann@x.example", "required", "accepted"), ("room@x.example", "resource", "accepted")]),
            Event("E-master", "uid-w", T0, type: "seriesMaster"),
            Event("E2", "uid-w", T0.AddDays(1), type: "occurrence", attendees: [("bob@x.example", "required", "declined")]),
            Event("E3", "uid-w", T0.AddDays(8), type: "exception", userResponse: "tentativelyAccepted", organizer: "bob@x.example"),
            Event("E4", "uid-4", T0.AddDays(2), allDay: true, minutes: 1440),
            Event("E5", "uid-5", T0.AddDays(3), cancelled: true),
            Event("E-old", "uid-old", T0.AddYears(-20)));
        return mailbox;
    }

    private static async Task<(List<Event> Events, List<string> Removed, string DeltaLink, int Pages)> ReadAllAsync(SimulatorSession session, string? link)
    {
        var delta = session.Graph.Me.CalendarView.Delta;
        var page = link is null
            ? await delta.GetAsDeltaGetResponseAsync(config =>
            {
                config.QueryParameters.StartDateTime = "2015-01-01T00:00:00Z";
                config.QueryParameters.EndDateTime = "2027-01-01T00:00:00Z";
                config.QueryParameters.Select = Select;
                config.Headers.Add("Prefer", "odata.maxpagesize=2");
            })
            : await delta.WithUrl(link).GetAsDeltaGetResponseAsync();
        var events = new List<Event>();
        var removed = new List<string>();
        var pages = 0;
        while (true)
        {
            pages++;
            foreach (var item in page!.Value!)
            {
                if (item.AdditionalData.ContainsKey("@removed"))
                {
                    removed.Add(item.Id!);
                }
                else
                {
                    AdditionalDataAssert.OnlyAnnotations(item);
                    events.Add(item);
                }
            }

            if (page.OdataDeltaLink is { } deltaLink)
            {
                return (events, removed, deltaLink, pages);
            }

            page = await delta.WithUrl(page.OdataNextLink!).GetAsDeltaGetResponseAsync();
        }
    }

    [Fact]
    public async Task CalendarViewDeltaServesOccurrencesInTheWindowThroughTheSdk()
    {
        using var mailbox = Calendar();
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        var (events, removed, _, pages) = await ReadAllAsync(session, null);

        Assert.Empty(removed);
        Assert.True(pages >= 3, "two events a page over six events");
        Assert.Equal(["E1", "E2", "E3", "E4", "E5"], events.Select(e => e.Id));
        var first = events[0];
        Assert.Equal("uid-1", first.ICalUId);
        Assert.Equal("2025-03-04T15:00:00.0000000", first.Start!.DateTime);
        Assert.Equal("UTC", first.Start.TimeZone);
        Assert.Equal(EventType.SingleInstance, first.Type);
        Assert.Equal(ResponseType.Organizer, first.ResponseStatus!.Response);
        Assert.Equal(AttendeeType.Resource, first.Attendees![1].Type);
        Assert.Equal(ResponseType.Accepted, first.Attendees[1].Status!.Response);
        Assert.Equal(ResponseType.Declined, events[1].Attendees![0].Status!.Response);
        Assert.Equal(EventType.Exception, events[2].Type);
        Assert.True(events[3].IsAllDay);
        Assert.True(events[4].IsCancelled);
    }

    [Fact]
    public async Task DeltaLinkReportsAMovedOccurrenceAndARemovedEvent()
    {
        using var mailbox = Calendar();
        mailbox.WriteChanges(1,
            Event("E2", "uid-w", T0.AddDays(2), type: "exception", attendees: [("bob@x.example", "required", "accepted")]),
            TestMailbox.Removal("E5"),
            Event("E9", "uid-9", T0.AddDays(30)));
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);
        var (_, _, deltaLink, _) = await ReadAllAsync(session, null);

        var (unchanged, none, sameLink, _) = await ReadAllAsync(session, deltaLink);
        Assert.Empty(unchanged);
        Assert.Empty(none);

        Assert.True(session.Simulator.ApplyNextChanges());
        var (changed, removed, _, _) = await ReadAllAsync(session, sameLink);

        Assert.Equal(["E2", "E9"], changed.Select(e => e.Id));
        Assert.Equal("2025-03-06T15:00:00.0000000", changed[0].Start!.DateTime);
        Assert.Equal(["E5"], removed);
    }

    [Fact]
    public async Task FirstRequestWithoutAWindowIsRefused()
    {
        using var mailbox = Calendar();
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        var error = await Assert.ThrowsAsync<ODataError>(() => session.Graph.Me.CalendarView.Delta.GetAsDeltaGetResponseAsync());

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task EventsNeverShowInMailFolders()
    {
        using var mailbox = Calendar();
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        var inbox = await session.Graph.Me.MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync(c => c.Headers.Add("Prefer", "odata.maxpagesize=1000"));

        Assert.DoesNotContain(inbox!.Value!, m => m.Id!.StartsWith("E", StringComparison.Ordinal) && m.Id.Length < 4);
        Assert.Equal(7, session.Simulator.Fixture.EventCount);
    }
}

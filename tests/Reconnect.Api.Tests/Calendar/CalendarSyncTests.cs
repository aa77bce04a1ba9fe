using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Api.Tests.People;
using Reconnect.Api.Tests.Support;
using Reconnect.Core.People;
using static Reconnect.Testing.CalendarLines;

namespace Reconnect.Api.Tests.Calendar;

/// <summary>
/// The sample mailbox plus a planted calendar, through the real sync (Graph SDK against the
/// simulator), at Clock:Now = 2026-11-26.
/// </summary>
public sealed class CalendarSyncTests : IDisposable
{
    private const string Me = "jordan.reyes@northwind.example";
    private const string Nora = "nora@woodgrove.example";
    private const string Crystal = "crystal.cory@fabrikam.example";
    private static readonly DateTime NoraMet = new(2026, 10, 14, 15, 0, 0, DateTimeKind.Utc);

    private readonly string _fixture = Directory.CreateTempSubdirectory("reconnect-calendar-").FullName;

    public CalendarSyncTests()
    {
        foreach (var file in Directory.GetFiles(FixturePaths.Sample))
        {
            File.Copy(file, Path.Combine(_fixture, Path.GetFileName(file)));
        }

        var allHands = Enumerable.Range(0, 298).Select(i => ($"staff{i}@northwind.example", "required", "none"))
            .Append((Crystal, "optional", "accepted"))
            .Append(("auditorium@northwind.example", "resource", "accepted"))
            .ToArray();
        WriteEvents(_fixture,
            // A 1:1 last month with a friend silent on mail: she is not stale.
            Event("E-nora", "uid-nora", NoraMet, attendees: [(Nora, "required", "accepted"), ("room.4b@northwind.example", "resource", "accepted")]),
            // Crystal, the sample's top stale friend, only at an all-hands, or in meetings that do not count.
            Event("E-allhands", "uid-allhands", new DateTime(2026, 11, 2, 17, 0, 0, DateTimeKind.Utc), 60, userResponse: "accepted", organizer: "ceo@northwind.example", attendees: allHands),
            Event("E-cancelled", "uid-c1", new DateTime(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc), cancelled: true, attendees: [(Crystal, "required", "accepted")]),
            Event("E-declined", "uid-c2", new DateTime(2026, 11, 6, 10, 0, 0, DateTimeKind.Utc), userResponse: "declined", organizer: Crystal),
            Event("E-unanswered", "uid-c3", new DateTime(2026, 11, 7, 10, 0, 0, DateTimeKind.Utc), userResponse: "notResponded", organizer: Crystal),
            Event("E-allday", "uid-c4", new DateTime(2026, 11, 9, 0, 0, 0, DateTimeKind.Utc), 1440, allDay: true, attendees: [(Crystal, "required", "accepted")]),
            Event("E-shedeclined", "uid-c5", new DateTime(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc), attendees: [(Crystal, "required", "declined")]),
            Event("E-future", "uid-c6", new DateTime(2027, 1, 10, 10, 0, 0, DateTimeKind.Utc), attendees: [(Crystal, "required", "accepted")]),
            // A weekly 1:1 with someone the user never mails: three occurrences and a series master.
            Event("E-w-master", "uid-weekly", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), type: "seriesMaster", attendees: [("mentor@adatum.example", "required", "accepted")]),
            Event("E-w1", "uid-weekly", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), type: "occurrence", attendees: [("mentor@adatum.example", "required", "accepted")]),
            Event("E-w2", "uid-weekly", new DateTime(2026, 10, 8, 9, 0, 0, DateTimeKind.Utc), type: "occurrence", attendees: [("mentor@adatum.example", "required", "accepted")]),
            Event("E-w3", "uid-weekly", new DateTime(2026, 10, 16, 9, 0, 0, DateTimeKind.Utc), type: "exception", attendees: [("mentor@adatum.example", "required", "accepted")]));
    }

    public void Dispose() => Directory.Delete(_fixture, recursive: true);

    [Fact]
    public async Task AFriendMetRecentlyIsNotSuggestedButOneSeenOnlyAtAnAllHandsStillIs()
    {
        await using var app = new ReconnectApplication(_fixture);
        var client = app.CreateClient();
        var status = await app.SyncAsync(client);
        Assert.Equal("completed", status.State);

        var suggestions = await SuggestionsEndpointsTests.GetSuggestionsAsync(client);

        Assert.DoesNotContain(suggestions, s => s.Addresses.Contains(Nora));
        var top = suggestions[0];
        Assert.Equal("Crystal Cory", top.DisplayName);
        Assert.Equal("2 years, 6 months", top.SilenceText);
        Assert.DoesNotContain(suggestions, s => s.Addresses.Any(a => a.StartsWith("staff", StringComparison.Ordinal) || a.Contains("ceo@", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task APersonsHistoryShowsMeetingsBesideMail()
    {
        await using var app = new ReconnectApplication(_fixture);
        var client = app.CreateClient();
        await app.SyncAsync(client);

        var nora = await client.GetFromJsonAsync<PersonDetail>($"/api/people/lookup?address={Nora}");
        var crystal = await client.GetFromJsonAsync<PersonDetail>($"/api/people/lookup?address={Crystal}");
        var mentor = await client.GetFromJsonAsync<PersonDetail>("/api/people/lookup?address=mentor@adatum.example");

        Assert.False(nora!.Stale);
        Assert.Equal(1, nora.MeetingCount);
        Assert.Equal(NoraMet, nora.LastMet);
        Assert.Equal(NoraMet, nora.LastContact);
        Assert.StartsWith("last met 14 October 2026, last email ", nora.LastTouchText);
        Assert.Equal(1, nora.Quarters.Single(q => q.Quarter == "2026-Q4").Met);

        // Only the all-hands counts for Crystal; it does not reset her silence.
        Assert.True(crystal!.Stale);
        Assert.Equal(1, crystal.MeetingCount);
        Assert.Equal("2 years, 6 months", crystal.SilenceText);
        Assert.Equal(new DateTime(2026, 11, 2, 17, 0, 0, DateTimeKind.Utc), crystal.LastContact);
        Assert.True(crystal.LastPersonalContact < new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc), $"last personal contact {crystal.LastPersonalContact}");

        Assert.Equal(3, mentor!.MeetingCount);
        Assert.Equal(0, mentor.SentCount + mentor.ReceivedCount);
        Assert.False(mentor.Stale);

        var room = await client.GetAsync("/api/people/lookup?address=room.4b@northwind.example");
        Assert.Equal(HttpStatusCode.NotFound, room.StatusCode);
    }

    [Fact]
    public async Task TheCorrespondentsListStaysMailOnly()
    {
        await using var app = new ReconnectApplication(_fixture);
        var client = app.CreateClient();
        await app.SyncAsync(client);

        var page = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=500");

        Assert.DoesNotContain(page!.Items, c => c.Address is "mentor@adatum.example" or "ceo@northwind.example" || c.Address.StartsWith("staff", StringComparison.Ordinal));
        var nora = page.Items.Single(c => c.Address == Nora);
        Assert.NotEqual(NoraMet, nora.LastContact);
    }

    [Fact]
    public async Task TwoSyncsReplayedPagesAndAMovedOccurrenceLeaveTheSameCounts()
    {
        File.WriteAllText(Path.Combine(_fixture, "changes", "001.jsonl").EnsureFolder(),
            Event("E-w2", "uid-weekly", new DateTime(2026, 10, 9, 9, 0, 0, DateTimeKind.Utc), type: "exception", attendees: [("mentor@adatum.example", "required", "accepted")]).ToJsonString() + "\n"
            + new JsonObject { ["id"] = "E-w3", ["@removed"] = new JsonObject { ["reason"] = "deleted" } }.ToJsonString() + "\n");
        await using var app = new ReconnectApplication(_fixture);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var first = await CountsAsync(app);

        await app.SyncAsync(client);
        Assert.Equal(first, await CountsAsync(app));

        // A replayed page: the calendar read again from its first page, over the rows already there.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
            await db.FolderCursors.Where(c => c.FolderId == "calendar").ExecuteUpdateAsync(c => c.SetProperty(x => x.DeltaLink, (string?)null).SetProperty(x => x.NextLink, (string?)null));
        }

        await app.SyncAsync(client);
        Assert.Equal(first, await CountsAsync(app));

        Assert.True(app.DemoMailbox.Server.ApplyNextChanges());
        await app.SyncAsync(client);
        var mentor = await client.GetFromJsonAsync<PersonDetail>("/api/people/lookup?address=mentor@adatum.example");
        Assert.Equal(2, mentor!.MeetingCount);
        Assert.Equal(new DateTime(2026, 10, 9, 9, 0, 0, DateTimeKind.Utc), mentor.LastMet);
        var after = await CountsAsync(app);
        Assert.Equal(first.Events - 1, after.Events);
        Assert.Equal(first.Meetings - 1, after.Meetings);
        Assert.Equal(first.Mail, after.Mail);
    }

    private static async Task<(int Events, int Meetings, int Mail)> CountsAsync(ReconnectApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        return (await db.IndexedEvents.CountAsync(),
            await db.Interactions.CountAsync(i => i.Kind == InteractionKind.Meeting),
            await db.Interactions.CountAsync(i => i.Kind == InteractionKind.Email));
    }
}

internal static class PathExtensions
{
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}

using System.Globalization;
using System.Text.Json;

namespace Reconnect.GraphSimulator.Generation;

/// <summary>One row of expected-meetings.csv: what the calendar plants for a person.</summary>
/// <param name="Role"><c>met-recently</c> (a stale friend met 1:1 in the last two months: no longer stale),
/// <c>large-meetings-only</c> (a stale friend seen since only at large meetings, or in meetings that do not
/// count: still stale), <c>colleague</c> (weekly 1:1s), <c>never-mailed</c> (met, never written to).</param>
internal sealed record MeetingTruth(string PersonKey, string[] Addresses, string Role, bool StaleFriendWithCalendar);

/// <summary>
/// Writes <c>events.jsonl</c>: a realistic calendar around the planted people, with its truth.
/// Weekly 1:1s with colleagues (series master, occurrences, a moved exception, a cancelled one,
/// some ahead of Now), a weekly team meeting, a monthly all-hands with 300 invitees and a room,
/// all-day events, invitations the user declined or never answered, 1:1s with people the user never
/// mails, and for the stale friends: a third met 1:1 lately, a third seen only at large meetings
/// (and in meetings that do not count), a third not at all.
/// </summary>
internal static class CalendarGenerator
{
    private const string Room = "auditorium";

    public static (int Lines, List<MeetingTruth> Truth) Write(GeneratorOptions options, Population population, IReadOnlyList<PersonTruth> people, string path)
    {
        var random = SeededRandom.ForStream(options.Seed, 0xCA1E);
        var domain = options.UserMail[(options.UserMail.IndexOf('@') + 1)..];
        var now = options.Now.UtcDateTime;
        var events = new List<EventSpec>();
        var truth = new List<MeetingTruth>();
        var me = options.UserMail;

        var colleagues = people.Where(p => p.Person.Kind == PersonKind.ActiveColleague && p.Addresses.Length > 0).Take(8).ToList();
        var friends = people.Where(p => p.StaleFriend && p.Addresses.Length > 0).ToList();

        // Weekly 1:1s with the first four colleagues: half a year back, a month ahead.
        for (var c = 0; c < Math.Min(4, colleagues.Count); c++)
        {
            var who = colleagues[c].Addresses[0];
            var first = Slot(now.AddDays(-182), c, hour: 9 + c);
            var series = $"1on1-{c}";
            events.Add(new EventSpec(first, 30, "seriesMaster", "organizer", me, [(who, "required", "accepted")], Series: series, Subject: "1:1"));
            for (var week = 0; week < 30; week++)
            {
                var start = first.AddDays(7 * week);
                var type = "occurrence";
                if (week == 5)
                {
                    start = start.AddDays(1); // moved by a day: an exception
                    type = "exception";
                }

                events.Add(new EventSpec(start, 30, type, "organizer", me, [(who, "required", "accepted")], Series: series, Subject: "1:1",
                    Cancelled: week == 9));
            }

            truth.Add(new MeetingTruth(colleagues[c].Person.Key, colleagues[c].Addresses, "colleague", colleagues[c].StaleFriend));
        }

        // The team meeting: every colleague, weekly, organised by the first of them.
        if (colleagues.Count > 1)
        {
            var team = colleagues.Select(t => (t.Addresses[0], "required", random.Chance(0.1) ? "declined" : "accepted")).ToList();
            team.Add(($"{Room}@{domain}", "resource", "accepted"));
            for (var week = 0; week < 26; week++)
            {
                events.Add(new EventSpec(Slot(now.AddDays(-182), 2, 14).AddDays(7 * week), 60, "occurrence", "accepted", colleagues[0].Addresses[0],
                    [.. team], Series: "team", Subject: "Team sync"));
            }
        }

        // Stale friends: one in three met lately, one in three seen only at large meetings.
        var largeOnly = new List<string>();
        for (var f = 0; f < friends.Count; f++)
        {
            var friend = friends[f];
            var address = friend.Addresses[0];
            switch (f % 3)
            {
                case 0:
                    events.Add(new EventSpec(Slot(now.AddDays(-random.Next(10, 60)), f, 12), 60, "singleInstance", "organizer", me,
                        [(address, "required", "accepted")], Subject: "Coffee"));
                    truth.Add(new MeetingTruth(friend.Person.Key, friend.Addresses, "met-recently", false));
                    break;
                case 1:
                    largeOnly.Add(address);
                    var day = Slot(now.AddDays(-random.Next(5, 40)), f, 10);
                    events.Add(new EventSpec(day, 30, "singleInstance", "declined", address, [], Subject: "Catch up?"));
                    events.Add(new EventSpec(day.AddDays(1), 30, "singleInstance", "notResponded", address, [], Subject: "Lunch?"));
                    events.Add(new EventSpec(day.AddDays(2), 30, "singleInstance", "organizer", me, [(address, "required", "accepted")], Subject: "Drinks", Cancelled: true));
                    events.Add(new EventSpec(day.AddDays(3), 30, "singleInstance", "organizer", me, [(address, "required", "declined")], Subject: "Call"));
                    events.Add(new EventSpec(day.Date.AddDays(4), 24 * 60, "singleInstance", "organizer", me, [(address, "required", "accepted")], Subject: "Hike", AllDay: true));
                    events.Add(new EventSpec(day.AddDays(5), 48 * 60, "singleInstance", "organizer", me, [(address, "required", "accepted")], Subject: "Conference trip"));
                    truth.Add(new MeetingTruth(friend.Person.Key, friend.Addresses, "large-meetings-only", true));
                    break;
            }
        }

        // A 40-person workshop with the large-only friends and colleagues.
        var workshop = largeOnly.Concat(colleagues.Select(c => c.Addresses[0])).Concat(Enumerable.Range(0, 40).Select(i => $"guest{i}@fabrikam.example"))
            .Take(40).Select(a => (a, "required", "accepted")).ToList();
        events.Add(new EventSpec(Slot(now.AddDays(-20), 1, 13), 180, "singleInstance", "accepted", "events@fabrikam.example", [.. workshop], Subject: "Workshop"));

        // The monthly all-hands: 300 invitees (the colleagues, the large-only friends, staff the user never mails) and the auditorium.
        var invitees = colleagues.Select(c => c.Addresses[0]).Concat(largeOnly)
            .Concat(Enumerable.Range(0, 300).Select(i => $"staff{i:D3}@{domain}")).Take(300)
            .Select(a => (a, "required", "none")).Append(($"{Room}@{domain}", "resource", "accepted")).ToList();
        for (var month = 0; month < 12; month++)
        {
            events.Add(new EventSpec(Slot(now.AddMonths(-month - 1), 3, 16), 60, "occurrence", month % 4 == 3 ? "tentativelyAccepted" : "accepted",
                $"ceo@{domain}", [.. invitees], Series: "allhands", Subject: "All-hands"));
        }

        // People the user meets but never mails: a mentor and two coaches, monthly.
        for (var m = 0; m < 3; m++)
        {
            var who = $"coach{m}@adatum.example";
            for (var month = 0; month < 6; month++)
            {
                events.Add(new EventSpec(Slot(now.AddMonths(-month).AddDays(-3), m, 8), 45, "singleInstance", "accepted", who, [(who, "required", "accepted")], Subject: "Mentoring"));
            }

            truth.Add(new MeetingTruth($"coach{m}", [who], "never-mailed", false));
        }

        // All-day blocks: holidays and offsites without anyone else.
        for (var y = 0; y < 3; y++)
        {
            events.Add(new EventSpec(now.Date.AddYears(-y).AddDays(-40), 24 * 60, "singleInstance", "organizer", me, [], Subject: "Holiday", AllDay: true));
        }

        events.Sort((a, b) => a.Start.CompareTo(b.Start));
        using (var file = new FileStream(path, FileMode.Create))
        using (var buffered = new BufferedStream(file, 1 << 16))
        using (var writer = new Utf8JsonWriter(buffered, MessageRenderer.WriterOptions))
        {
            for (var i = 0; i < events.Count; i++)
            {
                WriteEvent(writer, events[i], i, options.Seed, me);
                writer.Flush();
                buffered.WriteByte((byte)'\n');
                writer.Reset(buffered);
            }
        }

        return (events.Count, truth);
    }

    public static void WriteCsv(IEnumerable<MeetingTruth> truth, TextWriter w)
    {
        w.Write("person_key,addresses,role,expected_stale_friend_with_calendar\n");
        foreach (var t in truth)
        {
            w.Write(string.Join(',', new[] { t.PersonKey, string.Join(';', t.Addresses), t.Role, t.StaleFriendWithCalendar ? "true" : "false" }.Select(Csv.Escape)));
            w.Write('\n');
        }
    }

    // Working hours on a weekday near the day asked for.
    private static DateTime Slot(DateTime day, int salt, int hour)
    {
        var date = day.Date;
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date.AddHours(hour).AddMinutes(salt % 2 * 30);
    }

    private static void WriteEvent(Utf8JsonWriter w, EventSpec e, int index, long seed, string me)
    {
        var hash = SeededRandom.Mix((ulong)seed, (ulong)index + 0xE0E0);
        w.WriteStartObject();
        w.WriteString("id", $"AAMkEV{index:D6}{hash:x8}");
        // Graph's iCalUId differs for each occurrence of a series; uid would be shared.
        w.WriteString("iCalUId", $"040000008200E00074C5B7101A82E008{hash:X16}");
        w.WriteString("subject", e.Subject);
        WriteTime(w, "start", e.Start);
        WriteTime(w, "end", e.Start.AddMinutes(e.Minutes));
        w.WriteBoolean("isAllDay", e.AllDay);
        w.WriteBoolean("isCancelled", e.Cancelled);
        w.WriteBoolean("isOrganizer", e.UserResponse == "organizer");
        w.WriteString("showAs", e.AllDay ? "free" : "busy");
        w.WriteString("type", e.Type);
        w.WriteStartObject("organizer");
        WriteAddress(w, e.Organizer == me ? "Me" : e.Organizer, e.Organizer);
        w.WriteEndObject();
        w.WriteStartArray("attendees");
        foreach (var (address, type, response) in e.Attendees)
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteStartObject("status");
            w.WriteString("response", response);
            w.WriteString("time", "0001-01-01T00:00:00Z");
            w.WriteEndObject();
            WriteAddress(w, address, address);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("responseStatus");
        w.WriteString("response", e.UserResponse);
        w.WriteString("time", "0001-01-01T00:00:00Z");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter w, string name, string address)
    {
        w.WriteStartObject("emailAddress");
        w.WriteString("name", name);
        w.WriteString("address", address);
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTime utc)
    {
        w.WriteStartObject(name);
        w.WriteString("dateTime", utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        w.WriteString("timeZone", "UTC");
        w.WriteEndObject();
    }

    private sealed record EventSpec(
        DateTime Start, int Minutes, string Type, string UserResponse, string Organizer,
        (string Address, string Type, string Response)[] Attendees,
        string Subject = "Meeting", string? Series = null, bool Cancelled = false, bool AllDay = false);
}

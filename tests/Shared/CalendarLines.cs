using System.Globalization;
using System.Text.Json.Nodes;

namespace Reconnect.Testing;

/// <summary>events.jsonl lines in the fixture format, for tests that need a small calendar. Compiled into each test project that needs it.</summary>
internal static class CalendarLines
{
    public static JsonObject Event(
        string id, string uid, DateTime start, int minutes = 30, string type = "singleInstance", string userResponse = "organizer",
        string organizer = "jordan.reyes@northwind.example", bool cancelled = false, bool allDay = false, params (string Address, string Type, string Response)[] attendees) => new()
    {
        ["id"] = id,
        ["iCalUId"] = uid,
        ["subject"] = "Meeting " + id,
        ["start"] = new JsonObject { ["dateTime"] = Wire(start), ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = Wire(start.AddMinutes(minutes)), ["timeZone"] = "UTC" },
        ["isAllDay"] = allDay,
        ["isCancelled"] = cancelled,
        ["isOrganizer"] = userResponse == "organizer",
        ["showAs"] = "busy",
        ["type"] = type,
        ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = organizer, ["address"] = organizer } },
        ["responseStatus"] = new JsonObject { ["response"] = userResponse, ["time"] = "0001-01-01T00:00:00Z" },
        ["attendees"] = new JsonArray([.. attendees.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = a.Type,
            ["status"] = new JsonObject { ["response"] = a.Response, ["time"] = "0001-01-01T00:00:00Z" },
            ["emailAddress"] = new JsonObject { ["name"] = a.Address, ["address"] = a.Address },
        })]),
    };

    public static string Wire(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    public static void WriteEvents(string folder, params JsonObject[] events) =>
        File.WriteAllText(System.IO.Path.Combine(folder, "events.jsonl"), string.Join('\n', events.Select(e => e.ToJsonString())) + "\n");
}

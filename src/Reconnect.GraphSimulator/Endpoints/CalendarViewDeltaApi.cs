using System.Globalization;
using System.Text.Json;
using Reconnect.GraphSimulator.Delta;
using Reconnect.GraphSimulator.Fixtures;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// <c>GET /me/calendarView/delta?startDateTime=..&amp;endDateTime=..</c>: the events of the fixture's
/// calendar (events.jsonl) that start within the window, series expanded into their occurrences
/// (series masters are never returned), paged and tracked exactly as a mail folder's delta.
/// </summary>
/// <remarks>
/// The calendar is a hidden folder of the store, so paging, change sets and tombstones are the
/// message delta's. The window travels in the token, as Graph keeps it in its own: the first request
/// must name it, links must not. In a changes round an event moved out of the window is reported
/// removed, as Graph does.
/// </remarks>
internal static class CalendarViewDeltaApi
{
    private const string ScopePrefix = "calendarView|";

    public static IResult GetDelta(HttpContext context, GraphMailboxSimulator simulator)
    {
        var request = context.Request;
        var query = QueryOptions.Read(request, "select", "skiptoken", "deltatoken");
        var preferred = PagePreference.Read(request);
        var token = MessagesDeltaApi.ReadToken(query, simulator.Store.Version);

        Window window;
        string scope;
        if (token is null)
        {
            window = new Window(ReadBound(query, "startDateTime"), ReadBound(query, "endDateTime"));
            if (window.End <= window.Start)
            {
                throw GraphRequestException.BadRequest("endDateTime must be later than startDateTime.");
            }
            scope = ScopePrefix + window.Start.ToString("O", CultureInfo.InvariantCulture) + "|" + window.End.ToString("O", CultureInfo.InvariantCulture);
        }
        else
        {
            scope = token.FolderId;
            window = ParseScope(scope);
        }

        var selection = PropertySelection.Parse(token is null ? query.Get("select") : token.Select, ResourceShape.Event);
        var pageSize = preferred ?? token?.PageSize ?? QueryOptions.DefaultPageSize;
        var calendar = simulator.Fixture.CalendarIndex;

        List<(string Id, MessageRecord? Item)> items;
        DeltaToken next;
        switch (token)
        {
            case null or { Kind: DeltaTokenKind.FolderPage }:
            {
                var round = token?.RoundVersion ?? simulator.Store.Version;
                var page = simulator.Store.ReadFolder(calendar, token?.Position ?? 0, pageSize);
                items = [.. page.Items.Where(e => window.Holds(e)).Select(e => (e.Id, (MessageRecord?)e))];
                next = DeltaResponse.AfterFolderPage(page.HasMore, scope, selection, round, page.NextPosition, pageSize);
                break;
            }
            default:
            {
                var (since, round, position) = token.Kind == DeltaTokenKind.ChangesPage
                    ? (token.SinceVersion, token.RoundVersion, token.Position)
                    : (token.SinceVersion, simulator.Store.Version, 0);
                var page = simulator.Store.ReadChanges(calendar, since, round, position, pageSize);
                // An event now outside the window (or turned into a series master) has left the view.
                items = [.. page.Items.Select(i => (i.Id, i.Message is { } e && window.Holds(e) ? e : null))];
                next = DeltaResponse.AfterChangesPage(page.HasMore, scope, selection, since, round, page.NextPosition, pageSize);
                break;
            }
        }

        return DeltaResponse.Page(request, "me/calendarView/delta", "event", items, next, selection, preferred);
    }

    private static DateTimeOffset ReadBound(QueryOptions query, string name)
    {
        var text = query.Get(name) ?? throw GraphRequestException.BadRequest(
            $"This request requires a time window specified by the query string parameters StartDateTime and EndDateTime ({name} is missing).");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw GraphRequestException.BadRequest($"Invalid value '{text}' for query parameter '{name}'.");
    }

    private static Window ParseScope(string scope)
    {
        var parts = scope.Split('|');
        if (parts.Length != 3 || parts[0] + "|" != ScopePrefix
            || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            throw DeltaToken.Malformed(); // a mail folder's token sent to the calendar
        }
        return new Window(start, end);
    }

    /// <summary>The view's time window; an event belongs to it when it starts inside it.</summary>
    private readonly record struct Window(DateTimeOffset Start, DateTimeOffset End)
    {
        public bool Holds(MessageRecord record) =>
            EventLine.Read(record.Json) is { IsSeriesMaster: false, Start: { } start } && start >= Start && start < End;
    }
}

/// <summary>The two fields of an event line the calendar view filters on.</summary>
internal readonly record struct EventLine(DateTimeOffset? Start, bool IsSeriesMaster)
{
    public static EventLine Read(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var master = root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && string.Equals(type.GetString(), "seriesMaster", StringComparison.OrdinalIgnoreCase);
        DateTimeOffset? start = null;
        if (root.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("dateTime", out var dt) && dt.ValueKind == JsonValueKind.String
            && DateTime.TryParse(dt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            // The fixture writes UTC (timeZone "UTC"), as Graph does without a Prefer: outlook.timezone.
            start = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        }
        return new EventLine(start, master);
    }
}

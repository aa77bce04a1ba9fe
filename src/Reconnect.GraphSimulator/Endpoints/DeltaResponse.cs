using System.Globalization;
using System.Text.Json;
using Reconnect.GraphSimulator.Delta;
using Reconnect.GraphSimulator.Fixtures;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// What the delta endpoints (a mail folder's messages, the calendar view) share: the token that
/// follows a page, and the page on the wire — items or <c>@removed</c> tombstones, then an
/// <c>@odata.nextLink</c> (<c>$skiptoken=</c>) or, ending the round, an <c>@odata.deltaLink</c>
/// (<c>$deltatoken=</c>), with <c>Preference-Applied</c> when the client asked for a page size.
/// </summary>
internal static class DeltaResponse
{
    /// <summary>The token after a page of a first round: its next page, or the delta link that ends it.</summary>
    public static DeltaToken AfterFolderPage(bool hasMore, string scope, PropertySelection selection, int round, int nextPosition, int pageSize) =>
        hasMore
            ? new DeltaToken(DeltaTokenKind.FolderPage, scope, selection.SelectText, round, round, nextPosition, pageSize)
            : new DeltaToken(DeltaTokenKind.DeltaLink, scope, selection.SelectText, round, round, 0, pageSize);

    /// <summary>The token after a page of changes since <paramref name="since"/>: its next page, or the delta link that ends the round.</summary>
    public static DeltaToken AfterChangesPage(bool hasMore, string scope, PropertySelection selection, int since, int round, int nextPosition, int pageSize) =>
        hasMore
            ? new DeltaToken(DeltaTokenKind.ChangesPage, scope, selection.SelectText, since, round, nextPosition, pageSize)
            : new DeltaToken(DeltaTokenKind.DeltaLink, scope, selection.SelectText, round, round, 0, pageSize);

    /// <summary>
    /// The page as Graph writes it: <paramref name="path"/> is the endpoint under the service root
    /// (e.g. <c>me/calendarView/delta</c>), <paramref name="entity"/> the items' type (<c>message</c>, <c>event</c>).
    /// </summary>
    public static IResult Page(HttpRequest request, string path, string entity, IReadOnlyList<(string Id, MessageRecord? Item)> items, DeltaToken next, PropertySelection selection, int? preferredPageSize)
    {
        var root = GraphWire.ServiceRoot(request);
        var isLastPage = next.Kind == DeltaTokenKind.DeltaLink;
        var link = $"{root}/{path}?" + (isLastPage ? "$deltatoken=" : "$skiptoken=") + next.Encode();
        var odataContext = $"{root}/$metadata#Collection({entity})";
        var type = JsonEncodedText.Encode("#microsoft.graph." + entity);
        return new GraphJsonResult(StatusCodes.Status200OK, writer => Write(writer, odataContext, type, items, isLastPage, link, selection))
        {
            Headers = preferredPageSize is { } applied
                ? new Dictionary<string, string> { [PagePreference.PreferenceAppliedHeader] = "odata.maxpagesize=" + applied.ToString(CultureInfo.InvariantCulture) }
                : null,
        };
    }

    private static void Write(Utf8JsonWriter writer, string odataContext, JsonEncodedText type, IReadOnlyList<(string Id, MessageRecord? Item)> items, bool isLastPage, string link, PropertySelection selection)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", odataContext);
        if (!isLastPage)
        {
            writer.WriteString("@odata.nextLink", link);
        }
        writer.WriteStartArray("value");
        foreach (var (id, item) in items)
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.type", type);
            if (item is not null)
            {
                JsonProjection.CopySelected(writer, item.Json, selection);
            }
            else
            {
                writer.WriteString("id", id);
                writer.WriteStartObject("@removed");
                writer.WriteString("reason", "deleted");
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (isLastPage)
        {
            writer.WriteString("@odata.deltaLink", link);
        }
        writer.WriteEndObject();
    }
}

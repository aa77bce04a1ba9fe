using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary><c>GET /me/contacts</c>: the fixture's contacts.json, paged like Graph.</summary>
internal static class ContactsApi
{
    public static IResult List(HttpContext context, GraphMailboxSimulator simulator)
    {
        var query = QueryOptions.Read(context.Request, "select", "top", "skip");
        var selection = PropertySelection.Parse(query.Get("select"), ResourceShape.Contact);
        var top = query.Top();
        var skip = query.Skip();
        var contacts = simulator.Fixture.Contacts;
        var page = contacts.Skip(skip).Take(top).ToList();

        var root = GraphWire.ServiceRoot(context.Request);
        var nextLink = CollectionPage.NextLink($"{root}/me/contacts", contacts.Count, skip, top, ("$select", selection.SelectText));
        var odataContext = $"{root}/$metadata#users('{simulator.Fixture.UserId}')/contacts";

        return GraphJsonResult.Ok(writer => CollectionPage.Write(writer, odataContext, nextLink, page, (w, contact) =>
        {
            w.WriteStartObject();
            JsonProjection.CopySelected(w, contact.Json, selection);
            w.WriteEndObject();
        }));
    }
}

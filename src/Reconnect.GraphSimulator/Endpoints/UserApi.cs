using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary><c>GET /me</c>: the fixture's user.json.</summary>
internal static class UserApi
{
    public static IResult GetMe(HttpContext context, GraphMailboxSimulator simulator)
    {
        var query = QueryOptions.Read(context.Request, "select");
        var selection = PropertySelection.Parse(query.Get("select"), ResourceShape.User);
        var root = GraphWire.ServiceRoot(context.Request);
        var odataContext = selection.SelectText is null
            ? $"{root}/$metadata#users/$entity"
            : $"{root}/$metadata#users({selection.SelectText})/$entity";
        var user = simulator.Fixture.UserJson;

        return GraphJsonResult.Ok(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", odataContext);
            JsonProjection.CopySelected(writer, user, selection);
            writer.WriteEndObject();
        });
    }
}

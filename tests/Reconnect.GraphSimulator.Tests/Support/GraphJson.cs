using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconnect.GraphSimulator.Tests.Support;

/// <summary>Raw-wire helpers for behaviour tests that look at the JSON itself rather than SDK models.</summary>
internal static class GraphJson
{
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Follows a delta round to its deltaLink; returns every item and the deltaLink.</summary>
    public static async Task<(List<JsonObject> Items, string DeltaLink, int Pages)> ReadRoundAsync(SimulatorSession session, string firstUrl, int? maxPageSize = null)
    {
        var items = new List<JsonObject>();
        var url = firstUrl;
        var pages = 0;
        while (true)
        {
            using var response = await session.GetAsync(url, request =>
            {
                if (maxPageSize is { } size)
                {
                    request.Headers.Add("Prefer", $"odata.maxpagesize={size}");
                }
            });
            Assert.Equal(200, (int)response.StatusCode);
            var body = await ReadAsync(response);
            pages++;
            items.AddRange(body["value"]!.AsArray().Select(item => item!.AsObject()));
            if ((string?)body["@odata.deltaLink"] is { } deltaLink)
            {
                Assert.Null(body["@odata.nextLink"]);
                return (items, deltaLink, pages);
            }
            url = (string?)body["@odata.nextLink"] ?? throw new InvalidOperationException("A delta page has neither nextLink nor deltaLink.");
        }
    }

    public static string Id(JsonObject item) => (string)item["id"]!;

    public static bool IsRemoved(JsonObject item) => item.ContainsKey("@removed");

    public static IEnumerable<string> PropertyNames(JsonObject item) => item.Select(property => property.Key);

    public static string ErrorCode(JsonObject body) => (string)body["error"]!["code"]!;

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;
}

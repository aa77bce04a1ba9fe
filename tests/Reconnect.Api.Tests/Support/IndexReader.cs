using System.Net.Http.Json;
using Reconnect.Api.Correspondents;

namespace Reconnect.Api.Tests.Support;

/// <summary>Reads the whole correspondence index through GET /api/correspondents, page by page.</summary>
public static class IndexReader
{
    public static async Task<IReadOnlyList<CorrespondenceRow>> ReadAllAsync(HttpClient client)
    {
        var rows = new List<CorrespondenceRow>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<CorrespondentPage>($"/api/correspondents?skip={rows.Count}&take={CorrespondentsQuery.MaxTake}");
            rows.AddRange(page!.Items.Select(i => new CorrespondenceRow(i.Address, i.SentCount, i.ReceivedCount, i.LastSent, i.LastReceived, i.Automated)));
            if (page.Items.Count == 0 || rows.Count >= page.Total)
            {
                return rows;
            }
        }
    }
}

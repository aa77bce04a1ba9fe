using System.Net;
using System.Net.Http.Json;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Sync;

public sealed class SyncEndpointsTests
{
    [Fact]
    public async Task SyncingTheSampleMailboxThroughGraphYieldsExactlyItsKnownTable()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var client = app.CreateClient();

        var status = await app.SyncAsync(client);

        Assert.Equal("completed", status.State);
        Assert.Null(status.Error);
        Assert.Equal(status.MessagesProcessed, status.MessagesEstimated);
        CorrespondenceTable.AssertEqual(
            CorrespondenceTable.Load(Path.Combine(FixturePaths.Sample, "expected-correspondents.csv")),
            await ReadIndexAsync(client));
    }

    [Fact]
    public async Task ASecondSyncReadsOnlyDeltaLinksAndChangesNothing()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var first = await ReadIndexAsync(client);
        var requestsAfterFirst = app.DemoMailbox.Server.RequestCount;

        var second = await app.SyncAsync(client);

        Assert.Equal("completed", second.State);
        Assert.Equal(first, await ReadIndexAsync(client));
        // The second sync lists folders and follows one delta link per folder: no full reread.
        var secondRequests = app.DemoMailbox.Server.RequestCount - requestsAfterFirst;
        Assert.InRange(secondRequests, 1, 20);
        Assert.Equal(0, second.MessagesProcessed);
    }

    [Fact]
    public async Task CorrespondentsArePagedInAddressOrder()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var client = app.CreateClient();
        await app.SyncAsync(client);

        var first = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?skip=0&take=3");
        var rest = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?skip=3&take=100");

        Assert.Equal(8, first!.Total);
        Assert.Equal(3, first.Items.Count);
        Assert.Equal(5, rest!.Items.Count);
        var addresses = first.Items.Concat(rest.Items).Select(i => i.Address).ToList();
        Assert.Equal(addresses.Order(StringComparer.Ordinal), addresses);
        var crystal = first.Items.Single(i => i.Address == "ccory@personal.example");
        Assert.Equal(new DateTime(2024, 5, 3, 10, 0, 0, DateTimeKind.Utc), crystal.LastContact);
    }

    [Theory]
    [InlineData("/api/correspondents?take=0", "Take")]
    [InlineData("/api/correspondents?take=5000", "Take")]
    [InlineData("/api/correspondents?skip=-1", "Skip")]
    public async Task BadPagingIsAProblemNamingTheField(string url, string field)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var response = await app.CreateClient().GetAsync(url);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task BeforeAnySyncTheStatusIsIdle()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var status = await app.CreateClient().GetFromJsonAsync<Reconnect.Api.Sync.SyncStatus>("/api/sync");

        Assert.Equal("idle", status!.State);
    }

    private static async Task<IReadOnlyList<CorrespondenceRow>> ReadIndexAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=1000");
        return [.. page!.Items.Select(i => new CorrespondenceRow(i.Address, i.SentCount, i.ReceivedCount, i.LastSent, i.LastReceived, i.Automated))];
    }
}

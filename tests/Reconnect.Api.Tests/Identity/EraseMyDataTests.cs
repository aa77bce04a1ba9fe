using System.Net;
using System.Net.Http.Json;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Identity;
using Reconnect.Api.Tests.Support;
using Reconnect.GraphSimulator;

namespace Reconnect.Api.Tests.Identity;

public sealed class EraseMyDataTests
{
    [Fact]
    public async Task DeleteMeLeavesNoRowOfTheUserInAnyTableAndEveryRowOfOthers()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        await using var app = new SignedInApplication(tenantId: AzureAdSettings.Organizations, graphBaseUrl: graph.BaseUrl);
        foreach (var user in new[] { TestUsers.A, TestUsers.B, TestUsers.ATwin })
        {
            Assert.Equal("completed", (await SignedInApplication.SyncAsync(app.ClientFor(user))).State);
        }

        var mailboxA = (await UserRows.FindMailboxIdAsync(app.Services, TestUsers.A))!.Value;
        var mailboxB = (await UserRows.FindMailboxIdAsync(app.Services, TestUsers.B))!.Value;
        var mailboxTwin = (await UserRows.FindMailboxIdAsync(app.Services, TestUsers.ATwin))!.Value;
        var rowsA = await UserRows.ReadAsync(app.Services, mailboxA);
        var rowsB = await UserRows.ReadAsync(app.Services, mailboxB);
        var rowsTwin = await UserRows.ReadAsync(app.Services, mailboxTwin);
        // The sync filled every kind of table there is so far, so "nothing left" means something.
        Assert.Superset(new HashSet<string> { "Mailboxes", "MailboxSyncs", "FolderCursors", "MessageCopies", "IndexedMessages", "Interactions", "Correspondents", "Contacts" },
            UserRows.NonEmpty(rowsA).ToHashSet());

        var response = await app.ClientFor(TestUsers.A).DeleteAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var left = await UserRows.ReadAsync(app.Services, mailboxA);
        Assert.True(UserRows.NonEmpty(left).Count == 0, "Rows of the erased user remain in: " + string.Join(", ", UserRows.NonEmpty(left)));
        Assert.Null(await UserRows.FindMailboxIdAsync(app.Services, TestUsers.A));
        Assert.Equal(rowsB, await UserRows.ReadAsync(app.Services, mailboxB));
        Assert.Equal(rowsTwin, await UserRows.ReadAsync(app.Services, mailboxTwin));
    }

    [Fact]
    public async Task DeleteMeForgetsTheUsersCachedGraphTokensOnly()
    {
        await using var app = new SignedInApplication();

        await app.ClientFor(TestUsers.A).DeleteAsync("/api/me");

        // The key under which the user's on-behalf-of session keeps its tokens (see OnBehalfOfGraphTests).
        Assert.Equal([GraphPermissions.SessionKey(new UserIdentity(TestUsers.A.TenantId, TestUsers.A.ObjectId, null))], app.TokenCache.Cleared);
    }

    [Fact]
    public async Task DeleteMeIsIdempotentAndTheUserStartsAfresh()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl);
        var client = app.ClientFor(TestUsers.A);
        await SignedInApplication.SyncAsync(client);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);

        Assert.Equal(0, (await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents"))!.Total);
        Assert.Equal("idle", (await client.GetFromJsonAsync<Reconnect.Api.Sync.SyncStatus>("/api/sync"))!.State);
    }
}

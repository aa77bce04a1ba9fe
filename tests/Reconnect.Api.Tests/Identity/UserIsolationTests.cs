using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Identity;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;
using Reconnect.GraphSimulator;

namespace Reconnect.Api.Tests.Identity;

/// <summary>
/// User B (and B's namesake object id in another tenant) has synced; user A's token never reads or
/// changes what B has. A multi-tenant registration, so both tenants get in.
/// </summary>
public sealed class UserIsolationTests : IAsyncLifetime
{
    private GraphSimulatorServer _graph = null!;
    private SignedInApplication _app = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        _app = new SignedInApplication(tenantId: AzureAdSettings.Organizations, graphBaseUrl: _graph.BaseUrl);
        Assert.Equal("completed", (await SignedInApplication.SyncAsync(_app.ClientFor(TestUsers.B))).State);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Strangers))]
    public async Task AnotherUsersIndexIsInvisible(string stranger)
    {
        var client = _app.ClientFor(Users[stranger]);

        var page = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents");

        Assert.Equal(0, page!.Total);
        Assert.Empty(page.Items);
        Assert.Equal(8, (await _app.ClientFor(TestUsers.B).GetFromJsonAsync<CorrespondentPage>("/api/correspondents"))!.Total);
    }

    [Theory]
    [MemberData(nameof(Strangers))]
    public async Task AnotherUsersSyncIsInvisible(string stranger)
    {
        var status = await _app.ClientFor(Users[stranger]).GetFromJsonAsync<SyncStatus>("/api/sync");

        Assert.Equal(SyncStatus.Idle, status);
    }

    [Fact]
    public async Task NoGetEndpointShowsAStrangerAnythingOfAnotherUsersMailbox()
    {
        var secrets = (await _app.ClientFor(TestUsers.B).GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=1000"))!
            .Items.Select(i => i.Address).ToList();
        Assert.NotEmpty(secrets);
        var leaks = new List<string>();

        foreach (var stranger in Users.Values.Where(u => u != TestUsers.B))
        {
            var client = _app.ClientFor(stranger);
            foreach (var endpoint in ApiEndpoints.All(_app).Where(e => e.Method == "GET"))
            {
                var body = await (await client.SendAsync(endpoint.Request())).Content.ReadAsStringAsync();
                leaks.AddRange(secrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{stranger.Name} {endpoint}: {s}"));
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public async Task NoEndpointCalledByAStrangerChangesAnotherUsersRows()
    {
        var mailboxB = (await UserRows.FindMailboxIdAsync(_app.Services, TestUsers.B))!.Value;
        var before = await UserRows.ReadAsync(_app.Services, mailboxB);
        Assert.NotEmpty(UserRows.NonEmpty(before));
        var client = _app.ClientFor(TestUsers.A);

        // Every endpoint, writes included (A's own sync, A's own erasure), with route values that would be B's if ids were guessable.
        foreach (var endpoint in ApiEndpoints.All(_app, routeValue: mailboxB.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            await client.SendAsync(endpoint.Request());
        }

        await SignedInApplication.SyncAsync(client);
        await _app.Services.GetRequiredService<MailboxSyncRunner>().WhenIdleAsync(mailboxB);

        Assert.Equal(before, await UserRows.ReadAsync(_app.Services, mailboxB));
    }

    [Fact]
    public async Task AStrangersSyncFillsOnlyTheirOwnIndex()
    {
        var stranger = _app.ClientFor(TestUsers.ATwin);
        var syncOfB = await _app.ClientFor(TestUsers.B).GetFromJsonAsync<SyncStatus>("/api/sync");

        Assert.Equal("completed", (await SignedInApplication.SyncAsync(stranger)).State);

        Assert.Equal(8, (await stranger.GetFromJsonAsync<CorrespondentPage>("/api/correspondents"))!.Total);
        Assert.Equal(syncOfB, await _app.ClientFor(TestUsers.B).GetFromJsonAsync<SyncStatus>("/api/sync"));
        Assert.NotEqual(await UserRows.FindMailboxIdAsync(_app.Services, TestUsers.ATwin), await UserRows.FindMailboxIdAsync(_app.Services, TestUsers.B));
    }

    [Fact]
    public async Task TheUserKeyComesFromTheTokenNeverFromTheRequest()
    {
        var client = _app.ClientFor(TestUsers.A);

        // Headers and query strings naming B change nothing: only tid and oid of the validated token count.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/correspondents?oid={TestUsers.B.ObjectId}&tid={TestUsers.B.TenantId}&userId={TestUsers.B.ObjectId}");
        request.Headers.Add("X-User-Id", TestUsers.B.ObjectId);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-ID", TestUsers.B.ObjectId);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<CorrespondentPage>())!.Total);
    }

    /// <summary>
    /// Another user's person ids answer 404 (not 403: a stranger learns nothing, not even that the id
    /// exists) on every endpoint that takes one, and change nothing.
    /// </summary>
    [Fact]
    public async Task AnotherUsersPersonIdsAreNotFound()
    {
        var endpoints = ApiEndpoints.All(_app).Where(e => e.Pattern.Contains("{personId", StringComparison.OrdinalIgnoreCase) || e.Pattern.StartsWith("/api/drafts", StringComparison.Ordinal) && e.Method == "POST").ToList();
        Assert.NotEmpty(endpoints);
        var owner = _app.ClientFor(TestUsers.B);
        var personIds = (await owner.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=1000"))!.Items
            .Select(i => i.PersonId).OfType<string>().Distinct().ToList();
        Assert.True(personIds.Count > 0, "B has no person ids to try: the correspondents list should name each row's person.");
        var mailboxB = (await UserRows.FindMailboxIdAsync(_app.Services, TestUsers.B))!.Value;
        var before = await UserRows.ReadAsync(_app.Services, mailboxB);
        var failures = new List<string>();

        foreach (var stranger in new[] { TestUsers.A, TestUsers.ATwin })
        {
            var client = _app.ClientFor(stranger);
            foreach (var personId in personIds.Take(3))
            {
                foreach (var endpoint in endpoints)
                {
                    var body = $$"""{"personId":"{{personId}}","strategy":"own-the-gap","tone":"warm","inputs":{},"until":"2099-01-01T00:00:00Z"}""";
                    var request = new ApiEndpoint(endpoint.Method, endpoint.Pattern, ApiEndpoints.Url(endpoint.Pattern, personId), endpoint.Endpoint).Request(body);
                    var response = await client.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{stranger.Name} {endpoint} with B's person {personId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await UserRows.ReadAsync(_app.Services, mailboxB));
    }

    private static readonly Dictionary<string, TestUser> Users = new()
    {
        ["A (same tenant)"] = TestUsers.A,
        ["A's twin (same oid, other tenant)"] = TestUsers.ATwin,
        ["B"] = TestUsers.B,
    };

    public static TheoryData<string> Strangers => [.. Users.Keys.Where(k => k != "B")];
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Identity;
using Reconnect.Api.Tests.Support;
using Reconnect.GraphSimulator;

namespace Reconnect.Api.Tests.Identity;

public sealed class OnBehalfOfGraphTests
{
    private static readonly string[] GraphScopes =
    [
        "https://graph.microsoft.com/Mail.ReadBasic",
        "https://graph.microsoft.com/Contacts.Read",
        "https://graph.microsoft.com/User.Read",
        "https://graph.microsoft.com/Calendars.ReadBasic",
    ];

    [Fact]
    public async Task TheSyncReadsGraphWithTheUsersOnBehalfOfToken()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl);
        var client = app.ClientFor(TestUsers.A);

        var status = await SignedInApplication.SyncAsync(client);

        Assert.Equal("completed", status.State);
        Assert.Null(status.Error);
        Assert.Equal("Bearer " + FakeTokenAcquisition.TokenFor(TestUsers.A), graph.Simulator.LastAuthorizationHeader);
        var page = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=1000");
        CorrespondenceTable.AssertEqual(
            CorrespondenceTable.Load(Path.Combine(FixturePaths.Sample, "expected-correspondents.csv")),
            [.. page!.Items.Select(i => new CorrespondenceRow(i.Address, i.SentCount, i.ReceivedCount, i.LastSent, i.LastReceived, i.Automated))],
            compareAutomated: false);
    }

    [Fact]
    public async Task TheRequestBeginsTheLongRunningSessionAndTheBackgroundSyncUsesIt()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl);

        await SignedInApplication.SyncAsync(app.ClientFor(TestUsers.A));

        var sessionKey = GraphPermissions.SessionKey(new UserIdentity(TestUsers.A.TenantId, TestUsers.A.ObjectId, null));
        var calls = app.Tokens.Calls.ToList();
        Assert.True(calls.Count >= 2, $"{calls.Count} token calls");
        Assert.All(calls, call =>
        {
            Assert.Equal(GraphScopes, call.Scopes);
            Assert.Equal(TestUsers.A.TenantId, call.TenantId);
            Assert.Equal(sessionKey, call.SessionKey);
        });
        // The first, in the request, carries the signed-in user (their token starts the session) ...
        Assert.Equal(TestUsers.A.ObjectId, calls[0].UserObjectId);
        // ... and the sync's own calls carry none: they draw on the session.
        Assert.Contains(calls.Skip(1), call => call.UserObjectId is null);
    }

    [Fact]
    public async Task EachUserHasTheirOwnSession()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl);

        await SignedInApplication.SyncAsync(app.ClientFor(TestUsers.A));
        var afterA = graph.Simulator.LastAuthorizationHeader;
        await SignedInApplication.SyncAsync(app.ClientFor(TestUsers.B));

        Assert.Equal("Bearer " + FakeTokenAcquisition.TokenFor(TestUsers.A), afterA);
        Assert.Equal("Bearer " + FakeTokenAcquisition.TokenFor(TestUsers.B), graph.Simulator.LastAuthorizationHeader);
        Assert.Equal(2, app.Tokens.Calls.Select(c => c.SessionKey).Distinct().Count());
    }

    [Fact]
    public async Task ConsentNeededIsA403WithAChallengeThePaneCanActOn()
    {
        await using var graph = await GraphSimulatorServer.StartAsync(FixturePaths.Sample);
        await using var app = new SignedInApplication(graphBaseUrl: graph.BaseUrl);
        app.Tokens.Failure = new MicrosoftIdentityWebChallengeUserException(
            new MsalUiRequiredException("invalid_grant", "AADSTS65001: The user or administrator has not consented to use the application.", null, UiRequiredExceptionClassification.ConsentRequired),
            GraphScopes);
        var client = app.ClientFor(TestUsers.A);

        var response = await client.PostAsync("/api/sync", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"consent_required\"", challenge.Parameter);
        Assert.Contains($"scope=\"{string.Join(' ', GraphScopes)}\"", challenge.Parameter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("consent_required", problem.GetProperty("error").GetString());
        Assert.Equal(GraphScopes, problem.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        // Nothing started, and Graph was never called.
        Assert.Equal("idle", (await client.GetFromJsonAsync<Reconnect.Api.Sync.SyncStatus>("/api/sync"))!.State);
        Assert.Equal(0, graph.RequestCount);
    }

    [Fact]
    public void AClaimsChallengeTravelsBase64UrlEncodedAsEntraIdSendsIt()
    {
        const string claims = """{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}""";
        var challenge = new GraphChallenge(GraphChallenge.InsufficientClaims, "Sign in again.", GraphScopes, claims);

        var header = challenge.ToHeader();

        Assert.StartsWith("Bearer error=\"insufficient_claims\", error_description=\"Sign in again.\", scope=\"", header);
        var encoded = header[(header.IndexOf("claims=\"", StringComparison.Ordinal) + 8)..].TrimEnd('"');
        Assert.Equal(claims, System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(encoded)));
    }

    [Fact]
    public void AnInteractionRequiredErrorAsksForASignIn()
    {
        var challenge = GraphChallenge.From(new MsalUiRequiredException("invalid_grant", "AADSTS50076: MFA required"));

        Assert.Equal(GraphChallenge.InteractionRequired, challenge.Error);
        Assert.Null(challenge.Claims);
    }
}

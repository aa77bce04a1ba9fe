using System.Net;
using Reconnect.GraphSimulator.Tests.Support;
using static Reconnect.GraphSimulator.Tests.Support.GraphJson;

namespace Reconnect.GraphSimulator.Tests.Endpoints;

public sealed class GraphEndpointsTests
{
    [Fact]
    public async Task MeHonoursSelectAndDefaultsToGraphsDefaultProperties()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var selected = await session.GetAsync("me?$select=mail,proxyAddresses");
        using var plain = await session.GetAsync("me");

        var selectedBody = await ReadAsync(selected);
        Assert.Equal(["@odata.context", "id", "mail", "proxyAddresses"], PropertyNames(selectedBody));
        Assert.Equal(session.Server.BaseUrl + "/$metadata#users(id,mail,proxyAddresses)/$entity", (string)selectedBody["@odata.context"]!);
        Assert.DoesNotContain("proxyAddresses", PropertyNames(await ReadAsync(plain))); // Graph returns it only when selected
    }

    [Fact]
    public async Task ResponsesCarryGraphsContentTypeAndCorrelationHeaders()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.GetAsync("me", request => request.Headers.Add("client-request-id", "abc-123"));

        Assert.Equal("application/json; odata.metadata=minimal; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("abc-123", Assert.Single(response.Headers.GetValues("client-request-id")));
        Assert.True(Guid.TryParse(Assert.Single(response.Headers.GetValues("request-id")), out _));
    }

    [Fact]
    public async Task UnknownRouteIsAGraphShapedBadRequest()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.GetAsync("me/calendars", request => request.Headers.Add("client-request-id", "req-1"));
        var body = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; odata.metadata=minimal; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var error = body["error"]!.AsObject();
        Assert.Equal(["code", "message", "innerError"], PropertyNames(error));
        Assert.Equal("BadRequest", (string?)error["code"]);
        Assert.Contains("calendars", (string)error["message"]!, StringComparison.Ordinal);
        var inner = error["innerError"]!.AsObject();
        Assert.Equal(["date", "request-id", "client-request-id"], PropertyNames(inner));
        Assert.Equal("req-1", (string?)inner["client-request-id"]);
        Assert.True(DateTime.TryParse((string)inner["date"]!, out _));
    }

    [Fact]
    public async Task WrongMethodIsAGraphShaped405()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.Http.PostAsync(session.Server.BaseUrl + "/me/mailFolders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.NotNull((await ReadAsync(response))["error"]?["code"]);
    }

    [Fact]
    public async Task UnknownFolderIsItemNotFound()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var folder = await session.GetAsync("me/mailFolders/nope/childFolders");
        using var delta = await session.GetAsync("me/mailFolders/nope/messages/delta");

        Assert.Equal(404, (int)folder.StatusCode);
        Assert.Equal("ErrorItemNotFound", ErrorCode(await ReadAsync(folder)));
        Assert.Equal(404, (int)delta.StatusCode);
    }

    [Fact]
    public async Task RequestsAreCountedAndTheLastAuthorizationIsRecorded()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        (await session.GetAsync("me")).Dispose();
        (await session.GetAsync("me/mailFolders", request => request.Headers.Add("Authorization", "Bearer obo-token"))).Dispose();
        (await session.GetAsync("nothing/here")).Dispose();
        (await session.Http.GetAsync(session.Server.Origin + "/simulator/state")).Dispose(); // control calls are not Graph calls

        Assert.Equal(3, session.Server.RequestCount);
        Assert.Null(session.Simulator.LastAuthorizationHeader); // the last Graph call had none
        (await session.GetAsync("me", request => request.Headers.Add("Authorization", "Bearer obo-token"))).Dispose();
        Assert.Equal("Bearer obo-token", session.Simulator.LastAuthorizationHeader);
        session.Server.ResetRequestCount();
        Assert.Equal(0, session.Server.RequestCount);
    }

    [Fact]
    public async Task RequestCountIsExactUnderConcurrency()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            (await session.GetAsync("me/mailFolders/inbox")).Dispose());

        Assert.Equal(200, session.Server.RequestCount);
    }

    [Fact]
    public async Task ChangesCanBeAdvancedOverHttp()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        mailbox.WriteChanges(1, TestMailbox.Removal("M0001"));
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        using var applied = await session.Http.PostAsync(session.Server.Origin + "/simulator/changes/next", null);
        using var none = await session.Http.PostAsync(session.Server.Origin + "/simulator/changes/next", null);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(1, (int)(await ReadAsync(applied))["mailboxVersion"]!);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal(1, session.Simulator.MailboxVersion);
    }

    [Fact]
    public async Task ContactsArePagedBySkipAndSelectIsCarried()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var first = await session.GetAsync("me/contacts?$top=1&$select=displayName");
        var body = await ReadAsync(first);

        Assert.Equal(["id", "displayName"], PropertyNames(body["value"]![0]!.AsObject()));
        Assert.Equal(session.Server.BaseUrl + "/me/contacts?$top=1&$skip=1&$select=id%2CdisplayName", (string?)body["@odata.nextLink"]);
    }
}

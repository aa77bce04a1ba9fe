using System.Text.Json.Nodes;
using Reconnect.GraphSimulator.Tests.Support;
using static Reconnect.GraphSimulator.Tests.Support.GraphJson;

namespace Reconnect.GraphSimulator.Tests.Endpoints;

public sealed class MailFoldersTests
{
    [Fact]
    public async Task TotalItemCountsAreComputedFromTheMessages()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        var expected = TestMailbox.SampleMessages().CountBy(message => (string)message["parentFolderId"]!).ToDictionary();

        foreach (var folderId in new[] { "F-root", "F-inbox", "F-conf", "F-sent", "F-drafts", "F-junk", "F-deleted", "F-archive" })
        {
            using var response = await session.GetAsync($"me/mailFolders/{folderId}");
            var folder = await ReadAsync(response);
            Assert.Equal(expected.GetValueOrDefault(folderId), (int)folder["totalItemCount"]!);
        }
    }

    [Fact]
    public async Task FolderShapeIsV1AndHidesTheFixturesWellKnownName()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.GetAsync("me/mailFolders/INBOX");
        var folder = await ReadAsync(response);

        Assert.Equal(
            ["@odata.context", "id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "isHidden"],
            PropertyNames(folder));
        Assert.EndsWith("/$metadata#users('b6a3c1de-0000-4000-8000-000000000001')/mailFolders/$entity", (string)folder["@odata.context"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(5, 2)]
    [InlineData(6, 1)]
    [InlineData(1000, 1)]
    public async Task TopLevelFoldersArePagedBySkip(int top, int expectedPages)
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var ids = new List<string>();
        var url = $"me/mailFolders?$top={top}&$select=displayName";
        var pages = 0;
        while (url is not null)
        {
            using var response = await session.GetAsync(url);
            var body = await ReadAsync(response);
            pages++;
            ids.AddRange(body["value"]!.AsArray().Select(item => Id(item!.AsObject())));
            Assert.All(body["value"]!.AsArray(), item => Assert.Equal(["id", "displayName"], PropertyNames(item!.AsObject())));
            url = (string?)body["@odata.nextLink"];
            if (url is not null)
            {
                Assert.StartsWith(session.Server.BaseUrl + "/me/mailFolders?$top=", url, StringComparison.Ordinal);
            }
        }

        Assert.Equal(expectedPages, pages);
        Assert.Equal(["F-inbox", "F-sent", "F-drafts", "F-junk", "F-deleted", "F-archive"], ids);
    }

    [Fact]
    public async Task OrphanAndHiddenFoldersFollowGraphsRules()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        var folders = JsonNode.Parse(File.ReadAllText(Path.Combine(mailbox.Path, "folders.json")))!.AsArray();
        folders.Add(new JsonObject { ["id"] = "F-orphan", ["displayName"] = "Orphan", ["parentFolderId"] = "F-gone" });
        folders.Add(new JsonObject { ["id"] = "F-hidden", ["displayName"] = "Hidden", ["parentFolderId"] = "F-root", ["isHidden"] = true });
        mailbox.WriteFile("folders.json", folders.ToJsonString());
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        using var visible = await session.GetAsync("me/mailFolders?$top=100");
        using var all = await session.GetAsync("me/mailFolders?$top=100&includeHiddenFolders=true");

        var visibleIds = (await ReadAsync(visible))["value"]!.AsArray().Select(item => Id(item!.AsObject())).ToList();
        var allIds = (await ReadAsync(all))["value"]!.AsArray().Select(item => Id(item!.AsObject())).ToList();
        Assert.Contains("F-orphan", visibleIds);
        Assert.DoesNotContain("F-hidden", visibleIds);
        Assert.Contains("F-hidden", allIds);
    }

    [Theory]
    [InlineData("me/mailFolders?$top=0")]
    [InlineData("me/mailFolders?$top=1001")]
    [InlineData("me/mailFolders?$skip=-1")]
    [InlineData("me/mailFolders?$select=wellKnownName")]
    [InlineData("me/mailFolders?$filter=displayName eq 'Inbox'")]
    public async Task BadQueryOptionsAreBadRequests(string url)
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.GetAsync(url);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("BadRequest", ErrorCode(await ReadAsync(response)));
    }
}

using System.Text.Json.Nodes;
using Reconnect.GraphSimulator.Tests.Support;
using static Reconnect.GraphSimulator.Tests.Support.GraphJson;

namespace Reconnect.GraphSimulator.Tests.Delta;

public sealed class MessagesDeltaTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task RoundReturnsEveryMessageOnceWhateverThePageSize(int pageSize)
    {
        using var mailbox = SyntheticMailbox.Create(inboxMessages: 2_000, sentMessages: 5);
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        var (items, _, pages) = await ReadRoundAsync(session, "me/mailFolders/inbox/messages/delta?$select=subject", pageSize);

        Assert.Equal(2_000, items.Count);
        Assert.Equal(2_000, items.Select(Id).Distinct().Count());
        Assert.Equal((2_000 + pageSize - 1) / pageSize, pages);
    }

    [Fact]
    public async Task PageSizeDefaultsToTenAndIsCappedAtAThousand()
    {
        using var mailbox = SyntheticMailbox.Create(inboxMessages: 1_500);
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        using var byDefault = await session.GetAsync("me/mailFolders/inbox/messages/delta");
        using var capped = await session.GetAsync("me/mailFolders/inbox/messages/delta", request => request.Headers.Add("Prefer", "odata.maxpagesize=5000"));

        Assert.Equal(10, (await ReadAsync(byDefault))["value"]!.AsArray().Count);
        Assert.False(byDefault.Headers.Contains("Preference-Applied"));
        Assert.Equal(1000, (await ReadAsync(capped))["value"]!.AsArray().Count);
        Assert.Equal("odata.maxpagesize=1000", Assert.Single(capped.Headers.GetValues("Preference-Applied")));
    }

    [Fact]
    public async Task SelectProjectsEveryPageEvenThoughLinksCarryItOnlyInTheToken()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var first = await session.GetAsync("me/mailFolders/inbox/messages/delta?$select=subject,FROM", r => r.Headers.Add("Prefer", "odata.maxpagesize=4"));
        var body = await ReadAsync(first);
        var nextLink = (string)body["@odata.nextLink"]!;
        var (rest, deltaLink, _) = await ReadRoundAsync(session, nextLink);

        Assert.DoesNotContain("select", nextLink, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("$skiptoken=", nextLink, StringComparison.Ordinal);
        Assert.StartsWith(session.Server.BaseUrl + "/me/mailFolders/F-inbox/messages/delta?$deltatoken=", deltaLink, StringComparison.Ordinal);
        foreach (var item in body["value"]!.AsArray().Select(item => item!.AsObject()).Concat(rest))
        {
            Assert.Equal(["@odata.type", "from", "id", "subject"], PropertyNames(item).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task WithoutSelectGraphsDefaultPropertiesAreReturnedAndHeadersAreNot()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var (items, _, _) = await ReadRoundAsync(session, "me/mailFolders/inbox/messages/delta", 100);

        var newsletter = items.Single(item => Id(item) == "M0019");
        Assert.True(newsletter.ContainsKey("subject"));
        Assert.True(newsletter.ContainsKey("parentFolderId"));
        Assert.False(newsletter.ContainsKey("internetMessageHeaders")); // Graph returns it only when selected
        var (selected, _, _) = await ReadRoundAsync(session, "me/mailFolders/inbox/messages/delta?$select=internetMessageHeaders", 100);
        Assert.True(selected.Single(item => Id(item) == "M0019").ContainsKey("internetMessageHeaders"));
    }

    [Fact]
    public async Task DeltaLinkReturnsExactlyTheChangesIncludingARemovalAndAMove()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        var added = TestMailbox.SampleMessage("M0005");
        added["id"] = "M0100";
        added["subject"] = "A new message";
        var replaced = TestMailbox.SampleMessage("M0011");
        replaced["subject"] = "Edited";
        var moved = TestMailbox.SampleMessage("M0009");
        moved["parentFolderId"] = "F-archive";
        mailbox.WriteChanges(1, added, replaced, TestMailbox.Removal("M0007"), moved);
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);
        var (_, inboxLink, _) = await ReadRoundAsync(session, "me/mailFolders/inbox/messages/delta?$select=subject,parentFolderId", 1000);
        var (_, archiveLink, _) = await ReadRoundAsync(session, "me/mailFolders/archive/messages/delta?$select=subject,parentFolderId", 1000);
        var (_, sentLink, _) = await ReadRoundAsync(session, "me/mailFolders/sentitems/messages/delta", 1000);

        Assert.True(session.Simulator.ApplyNextChanges());
        var (inbox, nextInboxLink, _) = await ReadRoundAsync(session, inboxLink);
        var (archive, _, _) = await ReadRoundAsync(session, archiveLink);
        var (sent, _, _) = await ReadRoundAsync(session, sentLink);

        Assert.Equal(["M0100", "M0011", "M0007", "M0009"], inbox.Select(Id));
        Assert.Equal("A new message", (string?)inbox[0]["subject"]);
        Assert.Equal("Edited", (string?)inbox[1]["subject"]);
        Assert.Equal([false, false, true, true], inbox.Select(IsRemoved));
        Assert.Equal("""{"@odata.type":"#microsoft.graph.message","id":"M0007","@removed":{"reason":"deleted"}}""", inbox[2].ToJsonString());
        var arrived = Assert.Single(archive);
        Assert.Equal(("M0009", "F-archive"), (Id(arrived), (string?)arrived["parentFolderId"]));
        Assert.Empty(sent);

        var (again, _, _) = await ReadRoundAsync(session, nextInboxLink);
        Assert.Empty(again);
    }

    [Fact]
    public async Task ChangesRoundIsPagedToo()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        mailbox.WriteChanges(1, [.. Enumerable.Range(0, 25).Select(i =>
        {
            var message = TestMailbox.SampleMessage("M0005");
            message["id"] = $"N{i:00}";
            return (JsonNode)message;
        })]);
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);
        var (_, link, _) = await ReadRoundAsync(session, "me/mailFolders/inbox/messages/delta?$select=subject", 1000);

        session.Simulator.ApplyNextChanges();
        var (changes, _, pages) = await ReadRoundAsync(session, link, 10);

        Assert.Equal(25, changes.Count);
        Assert.Equal(3, pages);
        Assert.All(changes, change => Assert.Equal(["@odata.type", "id", "subject"], PropertyNames(change)));
    }

    [Fact]
    public async Task ChangesAppliedMidRoundDoNotLoseUntouchedMessages()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        mailbox.WriteChanges(1, TestMailbox.Removal("M0005"), TestMailbox.Removal("M0007"));
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);

        using var first = await session.GetAsync("me/mailFolders/inbox/messages/delta", r => r.Headers.Add("Prefer", "odata.maxpagesize=3"));
        var firstBody = await ReadAsync(first);
        session.Simulator.ApplyNextChanges(); // removes two of the messages already served
        var (rest, link, _) = await ReadRoundAsync(session, (string)firstBody["@odata.nextLink"]!, 3);
        var (changes, _, _) = await ReadRoundAsync(session, link);

        var served = firstBody["value"]!.AsArray().Select(item => Id(item!.AsObject())).Concat(rest.Select(Id)).ToList();
        Assert.Equal(12, served.Count);
        Assert.Equal(["M0005", "M0007"], changes.Select(Id));
        Assert.All(changes, change => Assert.True(IsRemoved(change)));
    }

    [Theory]
    [InlineData("$skiptoken=not-a-token")]
    [InlineData("$deltatoken=eyJrIjo5OX0")]
    [InlineData("$skiptoken=")]
    public async Task GarbledTokenIsABadRequest(string query)
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.GetAsync("me/mailFolders/inbox/messages/delta?" + query);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("BadRequest", ErrorCode(await ReadAsync(response)));
    }

    [Fact]
    public async Task TokenOfAnotherFolderIsABadRequest()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        var (_, sentLink, _) = await ReadRoundAsync(session, "me/mailFolders/sentitems/messages/delta", 1000);

        using var response = await session.GetAsync(sentLink.Replace("/F-sent/", "/F-inbox/", StringComparison.Ordinal));

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task KiotaFunctionStyleDeltaPathIsServed()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        using var response = await session.GetAsync("me/mailFolders/F-conf/messages/delta()");

        Assert.Equal(2, (await ReadAsync(response))["value"]!.AsArray().Count);
    }
}

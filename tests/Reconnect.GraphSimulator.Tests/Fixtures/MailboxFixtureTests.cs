using System.Text.Json.Nodes;
using Reconnect.GraphSimulator.Fixtures;
using Reconnect.GraphSimulator.Tests.Support;
using static Reconnect.GraphSimulator.Tests.Support.GraphJson;

namespace Reconnect.GraphSimulator.Tests.Fixtures;

public sealed class MailboxFixtureTests
{
    [Fact]
    public void Load_SampleMailbox_ReadsEverything()
    {
        var fixture = MailboxFixture.Load(TestMailbox.SamplePath);

        Assert.Equal(30, fixture.MessageCount);
        Assert.Equal(8, fixture.FolderCount);
        Assert.Equal(3, fixture.ContactCount);
        Assert.Equal(0, fixture.SkippedLineCount);
        Assert.Empty(fixture.ChangeFiles);
    }

    [Fact]
    public void Load_MessyLines_SkipsAndCountsThem()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        mailbox.AppendMessageLines(
            "{not json",
            """{"subject":"no id","parentFolderId":"F-inbox"}""",
            """{"id":"X1","parentFolderId":"F-nowhere"}""",
            """{"id":"X2","parentFolderId":"F-inbox"} trailing""",
            "",
            "   ",
            """{"id":"X3","parentFolderId":"F-inbox","madeUpProperty":{"a":[1,2]}}""");

        var fixture = MailboxFixture.Load(mailbox.Path);

        Assert.Equal(31, fixture.MessageCount);
        Assert.Equal(4, fixture.SkippedLineCount);
    }

    [Fact]
    public void Load_ChangeFiles_AreListedInOrder()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        mailbox.WriteChanges(2, TestMailbox.Removal("M0001"));
        mailbox.WriteChanges(1, TestMailbox.Removal("M0002"));

        var fixture = MailboxFixture.Load(mailbox.Path);

        Assert.Equal(["001.jsonl", "002.jsonl"], fixture.ChangeFiles.Select(Path.GetFileName));
    }

    [Fact]
    public async Task GzippedMessagesServeTheSameAsPlain()
    {
        using var gz = TestMailbox.CopyOfSample();
        gz.GzipMessages();
        await using var plainSession = await SimulatorSession.StartSampleAsync();
        await using var gzSession = await SimulatorSession.StartAsync(gz.Path);

        foreach (var folder in new[] { "inbox", "sentitems", "F-conf", "archive" })
        {
            var (plain, _, _) = await ReadRoundAsync(plainSession, $"me/mailFolders/{folder}/messages/delta", 1000);
            var (zipped, _, _) = await ReadRoundAsync(gzSession, $"me/mailFolders/{folder}/messages/delta", 1000);
            Assert.Equal(plain.Select(item => item.ToJsonString()), zipped.Select(item => item.ToJsonString()));
        }
    }

    [Fact]
    public void ApplyNextChanges_SkipsBadLinesAndReportsWhenNoneAreLeft()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        mailbox.WriteChanges(1, TestMailbox.Removal("M0001"), JsonNode.Parse("""{"id":"Z","parentFolderId":"F-nowhere"}""")!);
        var simulator = GraphMailboxSimulator.Load(mailbox.Path);

        Assert.Equal(1, simulator.PendingChangeSetCount);
        Assert.True(simulator.ApplyNextChanges());
        Assert.False(simulator.ApplyNextChanges());
        Assert.Equal(1, simulator.MailboxVersion);
        Assert.Equal(1, simulator.SkippedChangeLineCount);
        Assert.Equal(-1, simulator.Store.FolderOf("M0001"));
    }
}

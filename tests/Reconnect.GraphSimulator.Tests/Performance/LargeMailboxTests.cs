using System.Diagnostics;
using Reconnect.GraphSimulator.Tests.Support;
using Xunit.Abstractions;

namespace Reconnect.GraphSimulator.Tests.Performance;

/// <summary>
/// A 100,000-message mailbox in 1,000-message pages is served whole. Its speed and memory are
/// figures for the benchmark (docs/benchmarks.md), printed here only for a reader of the test log.
/// </summary>
public sealed class LargeMailboxTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HundredThousandMessagesAreServedWholeInThousandMessagePages()
    {
        using var mailbox = SyntheticMailbox.Create(inboxMessages: 100_000);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);
        load.Stop();
        var loadedBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Warm up JIT and connection, then time a full round.
        await GraphJson.ReadRoundAsync(session, "me/mailFolders/sentitems/messages/delta", 1000);
        var serve = Stopwatch.StartNew();
        var (items, _, pages) = await GraphJson.ReadRoundAsync(session,
            "me/mailFolders/inbox/messages/delta?$select=internetMessageId,subject,from,toRecipients,ccRecipients,bccRecipients,sentDateTime,receivedDateTime,isDraft",
            1000);
        serve.Stop();

        output.WriteLine($"load {load.ElapsedMilliseconds} ms, ~{loadedBytes / (1024 * 1024)} MiB held; {pages} pages in {serve.ElapsedMilliseconds} ms ({serve.Elapsed.TotalMilliseconds / pages:F1} ms/page incl. HTTP and client parsing)");
        Assert.Equal(100_000, items.Count);
        Assert.Equal(100_000, items.Select(item => (string?)item["id"]).Distinct().Count());
        Assert.Equal(100, pages);
    }
}

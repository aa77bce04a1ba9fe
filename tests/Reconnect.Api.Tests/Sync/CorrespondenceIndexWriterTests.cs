using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;
using Reconnect.Core.Correspondence;
using Reconnect.Core.People;
using Reconnect.Graph;

namespace Reconnect.Api.Tests.Sync;

/// <summary>The index writer's rules, run on each database provider.</summary>
public abstract class CorrespondenceIndexWriterTests : IDisposable
{
    public sealed class OnSqlite() : CorrespondenceIndexWriterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : CorrespondenceIndexWriterTests(DatabaseProvider.PostgreSql);

    private static readonly UserAddresses SampleOwner = UserAddresses.FromUser(
        "jordan.reyes@northwind.example", "jreyes@northwind.example", ["SMTP:jordan.reyes@northwind.example", "smtp:jordan@northwind.example"]);

    private readonly TestDatabase _database;
    private readonly int _mailboxId;

    private CorrespondenceIndexWriterTests(DatabaseProvider provider)
    {
        _database = new TestDatabase(provider);
        _mailboxId = _database.AddMailbox(new MailboxSync { State = SyncState.Running });
    }

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task SampleMailboxIndexMatchesTheKnownAnswer(int pageSize)
    {
        await ApplyAsync(FixtureEnvelopes.Read(FixturePaths.Sample), pageSize);

        CorrespondenceTable.AssertEqual(ExpectedSample(), await ReadIndexAsync());
    }

    [Fact]
    public async Task ApplyingTheSameMailboxTwiceCountsEachMessageOnce()
    {
        var envelopes = FixtureEnvelopes.Read(FixturePaths.Sample);
        await ApplyAsync(envelopes, 5);
        await ApplyAsync(envelopes, 3);

        CorrespondenceTable.AssertEqual(ExpectedSample(), await ReadIndexAsync());
    }

    [Fact]
    public async Task RemovingOneOfTwoCopiesKeepsTheMessageAndRemovingBothDropsIt()
    {
        var envelopes = FixtureEnvelopes.Read(FixturePaths.Sample);
        await ApplyAsync(envelopes, 10);
        var copies = envelopes.Where(e => e.To.Any(t => t.Address == "nora@woodgrove.example")).ToList();
        Assert.Equal(2, copies.Count);

        await RemoveAsync(copies[0]);
        Assert.Equal(1, (await FindAsync("nora@woodgrove.example"))?.SentCount);

        await RemoveAsync(copies[1]);
        var nora = await FindAsync("nora@woodgrove.example");
        Assert.NotNull(nora);
        Assert.Equal(0, nora.SentCount);
        Assert.Null(nora.LastSent);
        Assert.Equal(1, nora.ReceivedCount);
    }

    [Fact]
    public async Task AMessageMovedWithAStableIdCountsOnceWhicheverFolderReportsFirst()
    {
        var envelopes = FixtureEnvelopes.Read(FixturePaths.Sample);
        await ApplyAsync(envelopes, 10);
        var message = envelopes.First(e => e.From?.Address == "sam.patel@contoso.example" || e.From?.Address == "Sam.Patel@Contoso.example");
        var moved = message with { FolderId = "F-archive" };

        // The new folder's delta arrives before the old folder's removal.
        await ApplyPageAsync("F-archive", new MessagePage([moved], [], null, "delta"));
        await ApplyPageAsync(message.FolderId!, new MessagePage([], [message.Id], null, "delta"));

        CorrespondenceTable.AssertEqual(ExpectedSample(), await ReadIndexAsync());
    }

    [Fact]
    public async Task ALastCopyRemovedRecountsTheLatestDateFromWhatRemains()
    {
        var envelopes = FixtureEnvelopes.Read(FixturePaths.Sample);
        await ApplyAsync(envelopes, 10);
        var latestFromSam = envelopes.Where(e => EmailAddress.Normalize(e.From?.Address) == "sam.patel@contoso.example")
            .OrderByDescending(e => e.ReceivedAt).First();

        await RemoveAsync(latestFromSam);

        var sam = await FindAsync("sam.patel@contoso.example");
        Assert.NotNull(sam);
        Assert.Equal(3, sam.ReceivedCount);
        Assert.True(sam.LastReceived < latestFromSam.ReceivedAt!.Value.UtcDateTime);
    }

    [SkippableFact]
    public async Task EnronMailboxIndexMatchesTheKnownAnswerOnCleanRows()
    {
        var path = FixturePaths.RequireEnron();
        var owner = UserAddresses.FromUser("bill.williams@enron.com", "bill.williams@enron.com", ["SMTP:bill.williams@enron.com", "smtp:wjwilliams3@hotmail.com"]);
        foreach (var folder in FixtureEnvelopes.Read(path).GroupBy(e => e.FolderId!))
        {
            foreach (var page in folder.Chunk(1000))
            {
                await using var db = _database.CreateContext();
                await new CorrespondenceIndexWriter(db).ApplyPageAsync(_mailboxId, owner, folder.Key, new MessagePage(page, [], null, "delta"), CancellationToken.None);
            }
        }

        static bool Clean(CorrespondenceRow row) => char.IsAsciiLetterOrDigit(row.Address[0]);
        var expected = CorrespondenceTable.Load(Path.Combine(path, "expected-correspondents.csv"));
        var actual = await ReadIndexAsync();
        CorrespondenceTable.AssertEqual([.. expected.Where(Clean)], [.. actual.Where(Clean)], compareAutomated: false);
    }

    private static IReadOnlyList<CorrespondenceRow> ExpectedSample() =>
        CorrespondenceTable.Load(Path.Combine(FixturePaths.Sample, "expected-correspondents.csv"));

    private async Task ApplyAsync(IReadOnlyList<MessageEnvelope> envelopes, int pageSize)
    {
        foreach (var folder in envelopes.GroupBy(e => e.FolderId!))
        {
            var pages = folder.Chunk(pageSize).ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                var last = i == pages.Count - 1;
                await ApplyPageAsync(folder.Key, new MessagePage(pages[i], [], last ? null : "next", last ? "delta" : null));
            }
        }
    }

    private Task RemoveAsync(MessageEnvelope copy) => ApplyPageAsync(copy.FolderId!, new MessagePage([], [copy.Id], null, "delta"));

    private async Task ApplyPageAsync(string folderId, MessagePage page)
    {
        await using var db = _database.CreateContext();
        await new CorrespondenceIndexWriter(db).ApplyPageAsync(_mailboxId, SampleOwner, folderId, page, CancellationToken.None);
    }

    private async Task<Correspondent?> FindAsync(string address)
    {
        await using var db = _database.CreateContext();
        return await db.Correspondents.AsNoTracking().SingleOrDefaultAsync(c => c.MailboxId == _mailboxId && c.Address == address);
    }

    private async Task<IReadOnlyList<CorrespondenceRow>> ReadIndexAsync()
    {
        await using var db = _database.CreateContext();
        var rows = await db.Correspondents.AsNoTracking().Where(c => c.MailboxId == _mailboxId).ToListAsync();
        return [.. rows.Select(c => new CorrespondenceRow(c.Address, c.SentCount, c.ReceivedCount, c.LastSent, c.LastReceived,
            AutomatedSenders.Classify(new SenderStats(c.Address, c.SentCount, c.ReceivedCount, c.BulkCount, c.OtherCount)).IsAutomated))];
    }
}

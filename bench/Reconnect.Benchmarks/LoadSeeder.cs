using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Core.People;

namespace Reconnect.Benchmarks;

/// <summary>
/// Fills a database with <c>users</c> mailboxes of <c>correspondents</c> addresses each, as a
/// completed sync and people rebuild would leave them: correspondents, their interactions, the
/// people built from them by the product's <see cref="PeopleBuilder"/> and stored as
/// <see cref="PeopleDirectory"/> stores them, a little feedback (dismissed, snoozed, not a person)
/// and a completed sync row. Each user's data is generated from its own seed.
/// </summary>
internal static class LoadSeeder
{
    /// <summary>The day the data is generated around; the API under load runs with Clock:Now set to it.</summary>
    public static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Seeds an empty database, or leaves one seeded with the same sizes alone; false when it did nothing.</summary>
    public static async Task<bool> SeedAsync(ReconnectDbContext db, int users, int correspondents)
    {
        var existing = await db.Mailboxes.CountAsync();
        if (existing == users && await db.Correspondents.LongCountAsync() == (long)users * correspondents)
        {
            return false;
        }

        if (existing != 0)
        {
            throw new InvalidOperationException("The load database holds other data: pass --reseed 1 to start it over.");
        }

        var mailboxes = Enumerable.Range(0, users).Select(u => new Mailbox
        {
            TenantId = BenchTokens.TenantId,
            ObjectId = BenchTokens.ObjectId(u),
            DisplayName = $"Load User {u}",
            OwnAddresses = $"user{u}@tenant.example",
            PeopleVersion = 1,
        }).ToList();
        db.Mailboxes.AddRange(mailboxes);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var done = 0;
        foreach (var batch in mailboxes.Chunk(Environment.ProcessorCount * 4))
        {
            // Building people is the CPU-heavy part: in parallel, then one transaction per batch.
            var seeded = new UserRows[batch.Length];
            Parallel.For(0, batch.Length, i => seeded[i] = Generate(batch[i].Id, correspondents));
            await using var transaction = await db.Database.BeginTransactionAsync();
            await EntityCopy.InsertAsync(db, [.. seeded.SelectMany(s => s.Correspondents)]);
            await EntityCopy.InsertAsync(db, [.. seeded.SelectMany(s => s.Interactions)]);
            await EntityCopy.InsertAsync(db, [.. seeded.SelectMany(s => s.People)]);
            await EntityCopy.InsertAsync(db, [.. seeded.SelectMany(s => s.Feedback)]);
            await EntityCopy.InsertAsync(db, [.. seeded.Select(s => s.Sync)]);
            await transaction.CommitAsync();
            done += batch.Length;
            if (done % 100 < batch.Length)
            {
                Console.WriteLine($"  seeded {done:N0} of {users:N0} users");
            }
        }

        // Fresh statistics and a visibility map, as autovacuum would leave a settled database:
        // the correspondents count is then an index-only scan.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
        return true;
    }

    private sealed record UserRows(
        List<Correspondent> Correspondents, List<Interaction> Interactions, List<PersonRow> People, List<Feedback> Feedback, MailboxSync Sync);

    private static UserRows Generate(int mailboxId, int count)
    {
        var random = new Random(mailboxId);
        var (correspondents, interactions) = SyntheticCorrespondence.Generate(count, random, Now);

        // A few addresses the user spoke about, spread over the index: 10 dismissed, 10 snoozed, 3 not a person.
        var said = correspondents.OrderBy(_ => random.Next()).Take(23).Select(c => c.Address).ToList();
        var feedback = said.Select((address, i) => new Feedback
        {
            MailboxId = mailboxId,
            Address = address,
            Dismissed = i < 10,
            SnoozedUntil = i is >= 10 and < 20 ? Now.AddMonths(2) : null,
            NotAPerson = i >= 20,
        }).ToList();
        var people = PeopleBuilder.Build(correspondents, interactions, [], said.Skip(20));

        return new UserRows(
            [.. correspondents.Select(c => new Correspondent
            {
                MailboxId = mailboxId,
                Address = c.Address,
                DisplayName = c.DisplayName,
                NameFromSender = true,
                NameSeenAt = c.LastReceived,
                SentCount = c.SentCount,
                ReceivedCount = c.ReceivedCount,
                FirstSent = c.FirstSent,
                LastSent = c.LastSent,
                FirstReceived = c.FirstReceived,
                LastReceived = c.LastReceived,
                BulkCount = c.BulkCount,
                OtherCount = c.OtherCount,
            })],
            [.. interactions.Select((i, n) => new Interaction
            {
                MailboxId = mailboxId,
                Kind = i.Kind,
                SourceId = IndexKeys.Of($"<{n}.{mailboxId}@load.example>"),
                Address = i.Address,
                Direction = i.Direction,
                Date = i.Date,
                GroupSize = i.GroupSize,
                Bulk = i.Bulk,
            })],
            [.. PeopleDirectory.Rows(mailboxId, people)],
            feedback,
            new MailboxSync
            {
                MailboxId = mailboxId,
                State = SyncState.Completed,
                StartedAt = Now.AddMinutes(-5),
                CompletedAt = Now,
                MessagesProcessed = interactions.Count,
                MessagesEstimated = interactions.Count,
            });
    }
}

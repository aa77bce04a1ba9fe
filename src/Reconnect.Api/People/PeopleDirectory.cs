using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;
using Reconnect.Core.Meetings;
using Reconnect.Core.People;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.People;

/// <summary>
/// A mailbox's people: rebuilt from the index after each sync (the expensive judgement), then
/// served from memory, so ranking suggestions per request only reads precomputed numbers. The
/// cache is checked against <see cref="Mailbox.PeopleVersion"/>, so another instance's rebuild is
/// seen at once.
/// </summary>
internal sealed class PeopleDirectory(ReconnectDbContext db, PeopleCache cache, MailboxChanges changes, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Judges every person of a mailbox again from its correspondents, interactions and contacts.</summary>
    public async Task RebuildAsync(int mailboxId, CancellationToken cancellationToken)
    {
        var correspondents = await db.Correspondents.AsNoTracking().Where(c => c.MailboxId == mailboxId)
            .Select(c => new CorrespondentRecord(c.Address, c.DisplayName, c.SentCount, c.ReceivedCount, c.FirstSent, c.LastSent, c.FirstReceived, c.LastReceived, c.BulkCount, c.OtherCount))
            .ToListAsync(cancellationToken);
        // Hundreds of thousands of rows name a few thousand addresses: one string per address, not per row.
        var addresses = correspondents.Select(c => c.Address).ToDictionary(a => a, StringComparer.Ordinal);
        var interactions = new List<InteractionRecord>();
        await foreach (var row in db.Interactions.AsNoTracking().Where(i => i.MailboxId == mailboxId)
            .Select(i => new { i.Address, i.Direction, i.Date, i.GroupSize, i.Kind, i.Bulk }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var address = addresses.TryGetValue(row.Address, out var known) ? known : addresses[row.Address] = row.Address;
            interactions.Add(new InteractionRecord(address, row.Direction, row.Date, row.GroupSize, row.Kind, row.Bulk));
        }

        var contacts = (await db.Contacts.AsNoTracking().Where(c => c.MailboxId == mailboxId).ToListAsync(cancellationToken))
            .Select(c => new ContactRecord(c.ContactId, c.DisplayName, c.GivenName, c.Surname, c.CompanyName, c.Addresses.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var notAPerson = await db.Feedback.AsNoTracking().Where(f => f.MailboxId == mailboxId && f.NotAPerson).Select(f => f.Address).ToListAsync(cancellationToken);

        // Meetings are stored as soon as they are synced, upcoming ones too; they count once they have happened.
        var happened = MeetingRules.HappenedBy(interactions, clock.GetUtcNow().UtcDateTime);
        var people = PeopleBuilder.Build(correspondents, happened, contacts, notAPerson);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.People.Where(p => p.MailboxId == mailboxId).ExecuteDeleteAsync(cancellationToken);
        await BatchSql.InsertAsync(db, "People", ["MailboxId", "PersonId", "Profile"],
            [.. Rows(mailboxId, people).Select(p => new object?[] { p.MailboxId, p.PersonId, p.Profile })],
            string.Empty, cancellationToken);
        await db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(m => m.SetProperty(x => x.PeopleVersion, x => x.PeopleVersion + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await changes.PublishAsync(db, mailboxId);
    }

    /// <summary>The rows a rebuild stores for <paramref name="people"/> (the load benchmark seeds the same).</summary>
    internal static IEnumerable<PersonRow> Rows(int mailboxId, IEnumerable<PersonProfile> people) =>
        people.DistinctBy(p => p.PersonId).Select(p => new PersonRow { MailboxId = mailboxId, PersonId = p.PersonId, Profile = JsonSerializer.Serialize(p, Json) });

    /// <summary>The mailbox's people as of its last rebuild.</summary>
    public async Task<PeopleSnapshot> GetAsync(int mailboxId, long version, CancellationToken cancellationToken)
    {
        if (cache.TryGet(mailboxId, version) is { } cached)
        {
            return cached;
        }

        var rows = await db.People.AsNoTracking().Where(p => p.MailboxId == mailboxId).Select(p => p.Profile).ToListAsync(cancellationToken);
        var snapshot = new PeopleSnapshot(version, [.. rows.Select(r => JsonSerializer.Deserialize<PersonProfile>(r, Json)!)]);
        cache.Set(mailboxId, snapshot);
        return snapshot;
    }
}

/// <summary>One mailbox's people, indexed by id and by address.</summary>
internal sealed class PeopleSnapshot
{
    public PeopleSnapshot(long version, IReadOnlyList<PersonProfile> people)
    {
        Version = version;
        All = people;
        Ranking = RankingIndex.Build(people);
        ById = people.ToDictionary(p => p.PersonId, StringComparer.Ordinal);
        ByAddress = new Dictionary<string, PersonProfile>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            foreach (var address in person.Addresses)
            {
                ByAddress.TryAdd(address, person);
            }
        }
    }

    public long Version { get; }
    public IReadOnlyList<PersonProfile> All { get; }

    /// <summary>What suggestions are ranked from, laid out once per snapshot rather than per request.</summary>
    public RankingIndex Ranking { get; }
    public IReadOnlyDictionary<string, PersonProfile> ById { get; }
    public Dictionary<string, PersonProfile> ByAddress { get; }
}

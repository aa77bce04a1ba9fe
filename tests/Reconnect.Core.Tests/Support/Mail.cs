using Reconnect.Core.Correspondence;
using Reconnect.Core.People;

namespace Reconnect.Core.Tests.Support;

/// <summary>
/// Builds a user's inputs by hand, the way the index would hold them: say who wrote to whom when,
/// and get correspondent rows whose counts and dates agree with the interactions.
/// </summary>
internal sealed class Mail
{
    private readonly List<InteractionRecord> _interactions = [];
    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);
    private readonly List<ContactRecord> _contacts = [];

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    public Mail Named(string address, string name)
    {
        _names[address] = name;
        return this;
    }

    public Mail Sent(string address, DateTime date, int groupSize = 1) => Add(address, Direction.Sent, date, groupSize, BulkSignals.None);

    public Mail Received(string address, DateTime date, int groupSize = 1, BulkSignals bulk = BulkSignals.None) =>
        Add(address, Direction.Received, date, groupSize, bulk);

    /// <summary>A back-and-forth: they write, the user answers the next day, <paramref name="count"/> times, <paramref name="every"/> apart.</summary>
    public Mail Thread(string address, DateTime start, int count, TimeSpan every, int groupSize = 1)
    {
        for (var i = 0; i < count; i++)
        {
            var date = start + every * i;
            Received(address, date, groupSize);
            Sent(address, date.AddDays(1), groupSize);
        }

        return this;
    }

    public Mail Contact(string id, string name, params string[] addresses)
    {
        var words = name.Split(' ');
        _contacts.Add(new ContactRecord(id, name, words[0], words.Length > 1 ? words[^1] : null, null, addresses));
        return this;
    }

    public Mail Add(string address, Direction direction, DateTime date, int groupSize, BulkSignals bulk)
    {
        _interactions.Add(new InteractionRecord(address, direction, date, groupSize, InteractionKind.Email, bulk));
        return this;
    }

    public Mail Meeting(string address, DateTime date, int attendees = 2)
    {
        _interactions.Add(new InteractionRecord(address, Direction.Sent, date, attendees, InteractionKind.Meeting));
        return this;
    }

    public IReadOnlyList<CorrespondentRecord> Correspondents() =>
    [
        .. _interactions.Where(i => i.Kind == InteractionKind.Email).GroupBy(i => i.Address).Select(g =>
        {
            var sent = g.Where(i => i.Direction == Direction.Sent).ToList();
            var received = g.Where(i => i.Direction == Direction.Received).ToList();
            return new CorrespondentRecord(
                g.Key,
                _names.GetValueOrDefault(g.Key),
                sent.Count,
                received.Count,
                sent.Count > 0 ? sent.Min(i => i.Date) : null,
                sent.Count > 0 ? sent.Max(i => i.Date) : null,
                received.Count > 0 ? received.Min(i => i.Date) : null,
                received.Count > 0 ? received.Max(i => i.Date) : null,
                received.Count(i => (i.Bulk & BulkSignals.Headers) != 0),
                received.Count(i => (i.Bulk & BulkSignals.ClassifiedAsOther) != 0));
        }),
    ];

    public IReadOnlyList<PersonProfile> People(IEnumerable<string>? notAPerson = null) =>
        PeopleBuilder.Build(Correspondents(), _interactions, _contacts, notAPerson);

    public static PersonProfile Of(IReadOnlyList<PersonProfile> people, string address) =>
        people.Single(p => p.Addresses.Contains(address));
}

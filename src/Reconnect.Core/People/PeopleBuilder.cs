using Reconnect.Core.Correspondence;

namespace Reconnect.Core.People;

/// <summary>
/// Builds the user's people from the correspondence index, once per sync: merges addresses that
/// belong to one person, classifies machines, and measures each relationship.
/// </summary>
/// <remarks>
/// <para><b>Merging</b> (union-find over addresses). Two addresses are one person when:</para>
/// <list type="number">
/// <item>one Outlook contact lists both: the user said so;</item>
/// <item>they deliver to one mailbox (<see cref="AddressKeys.Mailbox"/>): <c>a+tag@x</c> and
/// <c>a@x</c>, Gmail's dotted spellings;</item>
/// <item>they carry the same full name (<see cref="PersonNames.MergeKey"/>: two words or more, no
/// initials) AND the user has had a real two-way exchange with each (they replied, small group)
/// AND the addresses could belong to one person: same domain, or at least one at a personal
/// provider (work + gmail). Reasoning: a name alone is weak (there are many John Smiths), but a
/// name the user has answered at both addresses, where one is a private mailbox, is how a friend
/// who writes from work and from home looks. Two different employers' domains stay apart even
/// with two-way mail: from envelopes, a namesake at another company and a friend who changed jobs
/// look the same, and merging namesakes would send a draft to a stranger. A name group whose
/// candidates span two employers merges only same-domain pairs, so a gmail address never bridges
/// two companies' John Smiths; addresses on two different contacts never merge.</item>
/// </list>
/// <para><b>Two-way exchanges</b>. Graph envelopes carry no reliable thread link across
/// folders, so a reply is read from the timeline: a message that follows one in the other
/// direction within <see cref="ReplyWindow"/> (the user wrote, they answered; or they wrote and the
/// user answered). Each change of hands counts once, so a five-message back-and-forth is four
/// exchanges and a person who was written to ten times and never answered has none. Only mail in a
/// small group (at most <see cref="PersonalGroupLimit"/> recipients) without bulk headers counts:
/// a reply-all on a 40-person thread is not a conversation between two people. A small meeting
/// counts as one exchange of its own (both were there).</para>
/// <para><b>Worth</b>. Each interaction weighs 1/GroupSize (a note to one says all of its content
/// about the relationship, a note to forty a fortieth). With S and R the weighted messages each way
/// and X the weighted exchanges (each 1/max of its two messages' group sizes):
/// <c>worth = (3·X + 2·min(S, R) + log2(1 + |S − R|)) · (1 + ¼·log2(1 + months lasted)) · role</c>.
/// Replies count most (they are the relationship); balanced traffic next (min rewards reciprocity);
/// the one-way surplus only logarithmically (150 daily reports the user sent one colleague are
/// not a friendship); duration is a gentle multiplier (a five-year friendship
/// weighs about twice a week-long thread with the same traffic); role addresses (info@) the user
/// wrote to weigh a quarter: a shared mailbox is not one person (and, without a contact card, is
/// never suggested: <see cref="PersonProfile.IsSharedMailbox"/>).</para>
/// </remarks>
public static class PeopleBuilder
{
    /// <summary>
    /// An answer within this many days is a reply; slower ones start a new conversation. Most
    /// replies come within days; a longer window mostly adds chance "replies" between people who
    /// each write a lot one way (a daily report and an unrelated note a fortnight later).
    /// </summary>
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(14);

    /// <summary>Messages with more recipients than this are group mail, not personal contact.</summary>
    public const int PersonalGroupLimit = 5;

    /// <summary>Below this many distinct days with an interaction, there is no rhythm to speak of.</summary>
    public const int RhythmMinimumDays = 3;

    /// <summary>
    /// Dates before this are clock errors of old clients (1970, 1601), not history: they would
    /// stretch a relationship over decades.
    /// </summary>
    public static readonly DateTime EarliestPlausibleDate = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const double ExchangeWeight = 3.0;
    private const double BalancedWeight = 2.0;
    private const double SurplusWeight = 1.0;
    private const double RoleAddressFactor = 0.25;
    private const double DaysPerMonth = 30.436875;

    /// <summary>Builds every person of one user.</summary>
    /// <param name="correspondents">The user's correspondence index, one row per address.</param>
    /// <param name="interactions">Every interaction of those addresses (unsorted is fine).</param>
    /// <param name="contacts">The user's Outlook contacts.</param>
    /// <param name="notAPerson">Addresses the user marked "not a person": their person is automated.</param>
    /// <returns>One profile per person, in no particular order.</returns>
    public static IReadOnlyList<PersonProfile> Build(
        IEnumerable<CorrespondentRecord> correspondents,
        IEnumerable<InteractionRecord> interactions,
        IEnumerable<ContactRecord> contacts,
        IEnumerable<string>? notAPerson = null)
    {
        var book = new AddressBook();
        foreach (var record in correspondents)
        {
            if (EmailAddress.Normalize(record.Address) is { } address)
            {
                book.Get(address).AddRecord(record);
            }
        }

        foreach (var interaction in interactions)
        {
            if (EmailAddress.Normalize(interaction.Address) is { } address && interaction.Date >= EarliestPlausibleDate)
            {
                book.Get(address).Interactions.Add(interaction);
            }
        }

        var contactList = contacts.ToList();
        var contactAddresses = new List<List<int>>(contactList.Count);
        foreach (var contact in contactList)
        {
            var ids = new List<int>();
            foreach (var raw in contact.Addresses)
            {
                if (EmailAddress.Normalize(raw) is { } address)
                {
                    var entry = book.Get(address);
                    entry.ContactId ??= contact.ContactId;
                    ids.Add(entry.Index);
                }
            }

            contactAddresses.Add(ids);
        }

        var marked = new HashSet<string>(
            (notAPerson ?? []).Select(EmailAddress.Normalize).OfType<string>(), StringComparer.Ordinal);

        foreach (var entry in book.Entries)
        {
            entry.Interactions.Sort(ByDate);
            entry.Exchanges = Measure(entry.Interactions).Exchanges;
        }

        var sets = new DisjointSets(book.Entries.Count, book.Entries.Select(e => e.ContactId).ToArray());
        for (var i = 0; i < contactList.Count; i++)
        {
            // The user's own card: merge whatever it lists, even across another card's claim.
            foreach (var index in contactAddresses[i])
            {
                sets.Union(contactAddresses[i][0], index, force: true);
            }
        }

        MergeSameMailbox(book, sets);
        MergeSameName(book, sets);

        var contactsById = new Dictionary<string, ContactRecord>(StringComparer.Ordinal);
        foreach (var contact in contactList)
        {
            contactsById.TryAdd(contact.ContactId, contact);
        }

        return [.. book.Entries
            .GroupBy(e => sets.Find(e.Index))
            .Select(group => Profile([.. group], contactsById, marked))];
    }

    private static void MergeSameMailbox(AddressBook book, DisjointSets sets)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in book.Entries)
        {
            var key = AddressKeys.Mailbox(entry.Address);
            if (!first.TryAdd(key, entry.Index))
            {
                sets.Union(first[key], entry.Index, force: true);
            }
        }
    }

    private static void MergeSameName(AddressBook book, DisjointSets sets)
    {
        var byName = book.Entries
            .Where(e => e.Exchanges > 0 && PersonNames.MergeKey(e.DisplayName) is not null)
            .GroupBy(e => PersonNames.MergeKey(e.DisplayName)!, StringComparer.Ordinal);
        foreach (var group in byName)
        {
            var candidates = group.ToList();
            if (candidates.Count < 2)
            {
                continue;
            }

            var employers = candidates.Where(c => !AddressKeys.IsPersonalProvider(c.Address))
                .Select(c => EmailAddress.Domain(c.Address)).Distinct(StringComparer.Ordinal).Count();
            for (var i = 0; i < candidates.Count; i++)
            {
                for (var j = i + 1; j < candidates.Count; j++)
                {
                    var a = candidates[i].Address;
                    var b = candidates[j].Address;
                    var sameDomain = EmailAddress.Domain(a) == EmailAddress.Domain(b);
                    var bridge = employers <= 1 && (AddressKeys.IsPersonalProvider(a) || AddressKeys.IsPersonalProvider(b));
                    if (sameDomain || bridge)
                    {
                        sets.Union(candidates[i].Index, candidates[j].Index, force: false);
                    }
                }
            }
        }
    }

    private static PersonProfile Profile(List<AddressEntry> entries, Dictionary<string, ContactRecord> contacts, HashSet<string> marked)
    {
        var timeline = entries.SelectMany(e => e.Interactions).ToList();
        timeline.Sort(ByDate);
        var measures = Measure(timeline);

        var withRecord = entries.Where(e => e.HasRecord).ToList();
        var sentCount = withRecord.Count > 0 ? withRecord.Sum(e => e.SentCount) : timeline.Count(i => i.Kind == InteractionKind.Email && i.Direction == Direction.Sent);
        var receivedCount = withRecord.Count > 0 ? withRecord.Sum(e => e.ReceivedCount) : timeline.Count(i => i.Kind == InteractionKind.Email && i.Direction == Direction.Received);
        var firstSent = Min(entries.Select(e => e.FirstSent).Append(First(timeline, Direction.Sent)));
        var lastSent = Max(entries.Select(e => e.LastSent).Append(Last(timeline, Direction.Sent)));
        var firstReceived = Min(entries.Select(e => e.FirstReceived).Append(First(timeline, Direction.Received)));
        var lastReceived = Max(entries.Select(e => e.LastReceived).Append(Last(timeline, Direction.Received)));
        var firstMeeting = timeline.FirstOrDefault(i => i.Kind == InteractionKind.Meeting)?.Date;
        var lastMeeting = timeline.LastOrDefault(i => i.Kind == InteractionKind.Meeting)?.Date;
        var firstContact = Min([firstSent, firstReceived, firstMeeting]);
        var lastContact = Max([lastSent, lastReceived, lastMeeting]);

        var contactId = entries.Select(e => e.ContactId).FirstOrDefault(id => id is not null);
        var contact = contactId is not null && contacts.TryGetValue(contactId, out var card) ? card : null;

        // Best address first: the one most recently used with them; ties to the busier, then by spelling.
        var ordered = entries
            .OrderByDescending(e => e.LastUsed ?? DateTime.MinValue)
            .ThenByDescending(e => e.SentCount + e.ReceivedCount + e.Interactions.Count)
            .ThenBy(e => e.Address, StringComparer.Ordinal)
            .ToList();
        var addresses = ordered.Select(e => e.Address).ToList();

        var contactName = PersonNames.Tidy(contact?.DisplayName)
            ?? PersonNames.Tidy(string.Join(' ', new[] { contact?.GivenName, contact?.Surname }.Where(n => !string.IsNullOrWhiteSpace(n))));
        var ownName = ordered.Select(e => PersonNames.Tidy(e.DisplayName)).FirstOrDefault(n => n is not null);
        var displayName = contactName ?? ownName ?? addresses[0];
        var givenName = DisplayNames.Clean(contact?.GivenName) ?? PersonNames.FirstWord(contactName ?? ownName);

        var verdict = Verdict(entries, marked);
        var roleOnly = entries.Where(e => e.HasHistory).All(e => AutomatedSenders.IsRoleAddress(e.Address)) && entries.Any(e => e.HasHistory);
        var months = firstContact is { } f && lastContact is { } l ? (l - f).TotalDays / DaysPerMonth : 0;
        var worth = (ExchangeWeight * measures.WeightedExchanges
                + BalancedWeight * Math.Min(measures.WeightedSent, measures.WeightedReceived)
                + SurplusWeight * Math.Log2(1 + Math.Abs(measures.WeightedSent - measures.WeightedReceived)))
            * (1 + 0.25 * Math.Log2(1 + Math.Max(0, months)))
            * (roleOnly ? RoleAddressFactor : 1.0);

        return new PersonProfile
        {
            PersonId = PersonIds.For(addresses),
            DisplayName = displayName,
            GivenName = givenName,
            Addresses = addresses,
            ContactId = contactId,
            Automated = verdict,
            IsSharedMailbox = roleOnly && contactId is null,
            SentCount = sentCount,
            ReceivedCount = receivedCount,
            MeetingCount = timeline.Count(i => i.Kind == InteractionKind.Meeting),
            PersonalMeetingCount = timeline.Count(i => i.Kind == InteractionKind.Meeting && i.GroupSize <= PersonalGroupLimit),
            FirstMeeting = firstMeeting,
            LastMeeting = lastMeeting,
            FirstSent = firstSent,
            LastSent = lastSent,
            FirstReceived = firstReceived,
            LastReceived = lastReceived,
            FirstContact = firstContact,
            LastContact = lastContact,
            LastPersonalContact = measures.LastPersonal ?? lastContact,
            TwoWayExchanges = measures.Exchanges,
            UsualRhythm = measures.Rhythm,
            Worth = Math.Round(worth, 4),
        };
    }

    /// <summary>
    /// A person is automated when the user marked any of their addresses "not a person", or when
    /// every address they wrote from is automated (a friend's one bouncing alias does not make
    /// the friend a machine).
    /// </summary>
    private static AutomatedVerdict Verdict(List<AddressEntry> entries, HashSet<string> marked)
    {
        if (entries.Any(e => marked.Contains(e.Address)))
        {
            return AutomatedVerdict.MarkedByUser;
        }

        var judged = entries.Where(e => e.HasHistory).ToList();
        if (judged.Count == 0)
        {
            return AutomatedVerdict.Person;
        }

        var verdicts = judged.Select(e => (e.Address, Verdict: AutomatedSenders.Classify(
            new SenderStats(e.Address, e.SentCount, e.ReceivedCount, e.BulkCount, e.OtherCount, e.Exchanges)))).ToList();
        if (verdicts.Any(v => !v.Verdict.IsAutomated))
        {
            return AutomatedVerdict.Person;
        }

        return verdicts.Count == 1
            ? verdicts[0].Verdict
            : new AutomatedVerdict(true, [.. verdicts.SelectMany(v => v.Verdict.Reasons.Select(r => $"{v.Address}: {r}"))]);
    }

    private readonly record struct Measures(
        int Exchanges, double WeightedExchanges, double WeightedSent, double WeightedReceived, DateTime? LastPersonal, TimeSpan? Rhythm);

    /// <summary>Exchanges, weights, last personal contact and rhythm of one date-sorted timeline.</summary>
    private static Measures Measure(List<InteractionRecord> timeline)
    {
        var exchanges = 0;
        double weightedExchanges = 0, weightedSent = 0, weightedReceived = 0;
        DateTime? lastPersonal = null;
        InteractionRecord? previousMail = null;
        var days = new List<DateTime>();

        foreach (var interaction in timeline)
        {
            if ((interaction.Bulk & BulkSignals.Headers) != 0)
            {
                continue;
            }

            var size = Math.Max(1, interaction.GroupSize);
            var weight = 1.0 / size;
            var personal = size <= PersonalGroupLimit;
            if (personal)
            {
                lastPersonal = interaction.Date;
            }

            if (days.Count == 0 || days[^1] != interaction.Date.Date)
            {
                days.Add(interaction.Date.Date);
            }

            if (interaction.Kind == InteractionKind.Meeting)
            {
                if (personal)
                {
                    exchanges++;
                    weightedExchanges += weight;
                }

                continue;
            }

            if (interaction.Direction == Direction.Sent)
            {
                weightedSent += weight;
            }
            else
            {
                weightedReceived += weight;
            }

            if (previousMail is { } previous && previous.Direction != interaction.Direction
                && interaction.Date - previous.Date <= ReplyWindow)
            {
                var pairSize = Math.Max(size, Math.Max(1, previous.GroupSize));
                weightedExchanges += 1.0 / pairSize;
                if (pairSize <= PersonalGroupLimit)
                {
                    exchanges++;
                }
            }

            previousMail = interaction;
        }

        return new Measures(exchanges, weightedExchanges, weightedSent, weightedReceived, lastPersonal, MedianGap(days));
    }

    private static TimeSpan? MedianGap(List<DateTime> days)
    {
        if (days.Count < RhythmMinimumDays)
        {
            return null;
        }

        var gaps = new double[days.Count - 1];
        for (var i = 1; i < days.Count; i++)
        {
            gaps[i - 1] = (days[i] - days[i - 1]).TotalDays;
        }

        Array.Sort(gaps);
        var mid = gaps.Length / 2;
        var median = gaps.Length % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
        return TimeSpan.FromDays(median);
    }

    private static int ByDate(InteractionRecord a, InteractionRecord b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : a.Direction.CompareTo(b.Direction);
    }

    private static DateTime? First(List<InteractionRecord> timeline, Direction direction) =>
        timeline.FirstOrDefault(i => i.Kind == InteractionKind.Email && i.Direction == direction)?.Date;

    private static DateTime? Last(List<InteractionRecord> timeline, Direction direction) =>
        timeline.LastOrDefault(i => i.Kind == InteractionKind.Email && i.Direction == direction)?.Date;

    private static DateTime? Min(IEnumerable<DateTime?> dates) => dates.Where(Plausible).Min();

    private static DateTime? Max(IEnumerable<DateTime?> dates) => dates.Where(Plausible).Max();

    private static bool Plausible(DateTime? date) => date is { } d && d >= EarliestPlausibleDate;

    /// <summary>Every address known for the user, each with its index row, interactions and contact.</summary>
    private sealed class AddressBook
    {
        private readonly Dictionary<string, AddressEntry> _byAddress = new(StringComparer.Ordinal);

        public List<AddressEntry> Entries { get; } = [];

        public AddressEntry Get(string address)
        {
            if (!_byAddress.TryGetValue(address, out var entry))
            {
                entry = new AddressEntry(address, Entries.Count);
                _byAddress.Add(address, entry);
                Entries.Add(entry);
            }

            return entry;
        }
    }

    private sealed class AddressEntry(string address, int index)
    {
        public string Address { get; } = address;
        public int Index { get; } = index;
        public string? ContactId { get; set; }
        public bool HasRecord { get; private set; }
        public string? DisplayName { get; private set; }
        public int SentCount { get; private set; }
        public int ReceivedCount { get; private set; }
        public DateTime? FirstSent { get; private set; }
        public DateTime? LastSent { get; private set; }
        public DateTime? FirstReceived { get; private set; }
        public DateTime? LastReceived { get; private set; }
        public int BulkCount { get; private set; }
        public int OtherCount { get; private set; }
        public List<InteractionRecord> Interactions { get; } = [];
        public int Exchanges { get; set; }

        public bool HasHistory => SentCount + ReceivedCount > 0 || Interactions.Count > 0;

        public DateTime? LastUsed => Max([LastSent, LastReceived, Interactions.Count > 0 ? Interactions[^1].Date : null]);

        // One row per address is the index's rule; should a caller pass two, they add up.
        public void AddRecord(CorrespondentRecord record)
        {
            HasRecord = true;
            DisplayName ??= record.DisplayName;
            SentCount += record.SentCount;
            ReceivedCount += record.ReceivedCount;
            FirstSent = Min([FirstSent, record.FirstSent]);
            LastSent = Max([LastSent, record.LastSent]);
            FirstReceived = Min([FirstReceived, record.FirstReceived]);
            LastReceived = Max([LastReceived, record.LastReceived]);
            BulkCount += record.BulkCount;
            OtherCount += record.OtherCount;
        }
    }

    /// <summary>Union-find that remembers the contact of each set, so two contacts' sets only merge when forced.</summary>
    private sealed class DisjointSets
    {
        private readonly int[] _parent;
        private readonly string?[] _contact;

        public DisjointSets(int count, string?[] contacts)
        {
            _parent = new int[count];
            for (var i = 0; i < count; i++)
            {
                _parent[i] = i;
            }

            _contact = contacts;
        }

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        /// <summary>Joins two sets; unless forced, never two sets that belong to different contacts.</summary>
        public void Union(int a, int b, bool force)
        {
            var rootA = Find(a);
            var rootB = Find(b);
            if (rootA == rootB)
            {
                return;
            }

            var contactA = _contact[rootA];
            var contactB = _contact[rootB];
            if (!force && contactA is not null && contactB is not null && contactA != contactB)
            {
                return;
            }

            _parent[rootB] = rootA;
            _contact[rootA] = contactA ?? contactB;
        }
    }
}

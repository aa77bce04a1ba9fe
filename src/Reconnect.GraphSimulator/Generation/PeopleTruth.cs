using System.Globalization;

namespace Reconnect.GraphSimulator.Generation;

/// <summary>One row of expected-people.csv.</summary>
internal sealed record PersonTruth(
    PlantedPerson Person,
    string[] Addresses,
    int SentCount,
    int ReceivedCount,
    DateTimeOffset? LastContact,
    bool Automated,
    bool StaleFriend,
    bool StaleFriendAfterChanges);

/// <summary>
/// The planted people with their merged counts (summed over their addresses from the correspondence
/// table) and whether each is a stale friend at Now: not automated, at least 3 messages each way, and
/// last contact (either way) more than 12 months before Now.
/// </summary>
internal static class PeopleTruth
{
    public const int MinimumExchangesEachWay = 3;

    public static List<PersonTruth> Compute(Population population, IReadOnlyList<CorrespondentRow> initial,
        IReadOnlyList<CorrespondentRow> after, DateTimeOffset now)
    {
        var before = initial.ToDictionary(r => r.Address, StringComparer.Ordinal);
        var later = after.ToDictionary(r => r.Address, StringComparer.Ordinal);
        var threshold = now.AddMonths(-12);
        var result = new List<PersonTruth>();
        foreach (var p in population.All)
        {
            var addresses = p.Addresses.Select(a => a.ToLowerInvariant()).ToArray();
            var (sent, received, last, automated) = Merge(addresses, before);
            var (sent2, received2, last2, automated2) = Merge(addresses, later);
            result.Add(new PersonTruth(p, addresses, sent, received, last, automated,
                IsStale(sent, received, last, automated, threshold), IsStale(sent2, received2, last2, automated2, threshold)));
        }
        return result;
    }

    private static bool IsStale(int sent, int received, DateTimeOffset? last, bool automated, DateTimeOffset threshold) =>
        !automated && sent >= MinimumExchangesEachWay && received >= MinimumExchangesEachWay && last is { } l && l < threshold;

    private static (int Sent, int Received, DateTimeOffset? Last, bool Automated) Merge(string[] addresses, Dictionary<string, CorrespondentRow> table)
    {
        var (sent, received, automated) = (0, 0, false);
        DateTimeOffset? last = null;
        foreach (var a in addresses)
        {
            if (!table.TryGetValue(a, out var row))
            {
                continue;
            }
            sent += row.SentCount;
            received += row.ReceivedCount;
            automated |= row.Automated;
            foreach (var d in (DateTimeOffset?[])[row.LastSent, row.LastReceived])
            {
                if (d is { } v && (last is null || v > last))
                {
                    last = v;
                }
            }
        }
        return (sent, received, last, automated);
    }

    public static void WriteCsv(IEnumerable<PersonTruth> people, TextWriter w)
    {
        w.Write("person_key,display_name,addresses,kind,traits,sent_count,received_count,last_contact,automated,expected_stale_friend,expected_stale_friend_after_changes\n");
        foreach (var t in people)
        {
            string[] fields =
            [
                t.Person.Key, t.Person.DisplayName, string.Join(';', t.Addresses), PlantedPerson.KindName(t.Person.Kind), t.Person.TraitNames(),
                t.SentCount.ToString(CultureInfo.InvariantCulture), t.ReceivedCount.ToString(CultureInfo.InvariantCulture),
                CorrespondenceTruth.FormatDate(t.LastContact), Bool(t.Automated), Bool(t.StaleFriend), Bool(t.StaleFriendAfterChanges),
            ];
            w.Write(string.Join(',', fields.Select(Csv.Escape)));
            w.Write('\n');
        }
    }

    private static string Bool(bool b) => b ? "true" : "false";
}

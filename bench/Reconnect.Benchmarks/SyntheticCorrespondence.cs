using Reconnect.Core.Correspondence;
using Reconnect.Core.People;

namespace Reconnect.Benchmarks;

/// <summary>
/// A user's correspondence index without a mailbox behind it: each address exchanged 1 to 11
/// messages each way, a few days to two months apart, last contact up to six years ago. The shape
/// the people rebuild and the ranking see after a sync, made quickly in bulk.
/// </summary>
internal static class SyntheticCorrespondence
{
    public static (List<CorrespondentRecord> Correspondents, List<InteractionRecord> Interactions) Generate(int count, Random random, DateTime now)
    {
        var correspondents = new List<CorrespondentRecord>(count);
        var interactions = new List<InteractionRecord>(count * 12);
        for (var i = 0; i < count; i++)
        {
            var address = $"person{i}@org{i % 300}.example";
            var last = now.AddDays(-random.Next(1, 6 * 365));
            var exchanges = random.Next(1, 12);
            for (var e = 0; e < exchanges; e++)
            {
                var day = last.AddDays(-e * random.Next(3, 60));
                interactions.Add(new InteractionRecord(address, Direction.Received, day, random.Next(1, 4)));
                interactions.Add(new InteractionRecord(address, Direction.Sent, day.AddHours(5), random.Next(1, 4)));
            }

            correspondents.Add(new CorrespondentRecord(address, $"Person {i} Surname{i}", exchanges, exchanges,
                last.AddDays(-exchanges * 30), last, last.AddDays(-exchanges * 30), last, 0, 0));
        }

        return (correspondents, interactions);
    }
}

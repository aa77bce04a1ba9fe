using Reconnect.Testing;
using System.Net.Http.Json;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Api.Tests.Support;
using Xunit.Abstractions;

namespace Reconnect.Api.Tests.People;

/// <summary>
/// Suggestions on a generated mailbox whose planted truth says who the stale friends are, among
/// newsletters, notifications, mass mail, mailing lists, one-offs, namesakes and active colleagues.
/// </summary>
public abstract class GeneratedSuggestionsTests(GeneratedMailbox mailbox, ITestOutputHelper output, DatabaseProvider database) : IClassFixture<GeneratedMailbox>
{
    public sealed class OnSqlite(GeneratedMailbox mailbox, ITestOutputHelper output) : GeneratedSuggestionsTests(mailbox, output, DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql(GeneratedMailbox mailbox, ITestOutputHelper output) : GeneratedSuggestionsTests(mailbox, output, DatabaseProvider.PostgreSql);

    [Fact]
    public async Task TheTopTwentyAreStaleFriendsAndTheTopFiftyFindThemAll()
    {
        await using var app = new ReconnectApplication(mailbox.Path, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);
        var planted = PlantedPeople.Load(Path.Combine(mailbox.Path, "expected-people.csv"));

        var top = (await client.GetFromJsonAsync<SuggestionList>("/api/suggestions?take=50"))!.Items;

        var kinds = top.Select(s => planted.KindOf(s.Addresses)).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            output.WriteLine($"{i + 1,2}. {top[i].DisplayName} <{string.Join(", ", top[i].Addresses)}> [{kinds[i]}] {top[i].Reason}");
        }

        var hitsInTop20 = top.Take(20).Count(s => planted.IsStaleFriend(s.Addresses));
        var precision = hitsInTop20 / (double)Math.Min(20, top.Count);
        var found = planted.StaleFriends.Count(friend => top.Any(s => s.Addresses.Intersect(friend.Addresses).Any()));
        var recall = found / (double)planted.StaleFriends.Count();
        output.WriteLine($"precision@20 {precision:P0}, recall@50 {recall:P0} of {planted.StaleFriends.Count()} planted stale friends");
        Assert.True(precision >= 0.95, $"precision of the top 20 is {precision:P0}");
        Assert.True(recall >= 0.9, $"recall of planted stale friends in the top 50 is {recall:P0}");
        Assert.DoesNotContain(kinds, k => k is "newsletter" or "notification" or "no-reply" or "mailing-list" or "role-address" or "announcer");
    }

    /// <summary>The generator's expected-people.csv: who each planted person is and whether they are a stale friend.</summary>
    private sealed class PlantedPeople
    {
        private readonly List<(string Kind, string[] Addresses, bool StaleFriend)> _people;

        private PlantedPeople(List<(string, string[], bool)> people) => _people = people;

        public IEnumerable<(string Kind, string[] Addresses, bool StaleFriend)> StaleFriends => _people.Where(p => p.StaleFriend).ToList();

        public static PlantedPeople Load(string path)
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            int Column(string name) => Array.IndexOf(header, name);
            return new PlantedPeople([.. lines.Skip(1).Select(line => CsvLine.Split(line)).Select(cells => (
                cells[Column("kind")],
                cells[Column("addresses")].Split(';', StringSplitOptions.RemoveEmptyEntries),
                bool.Parse(cells[Column("expected_stale_friend")])))]);
        }

        public bool IsStaleFriend(IEnumerable<string> addresses) => _people.Any(p => p.StaleFriend && p.Addresses.Intersect(addresses).Any());

        public string KindOf(IEnumerable<string> addresses) =>
            _people.FirstOrDefault(p => p.Addresses.Intersect(addresses).Any()).Kind ?? "unplanted";
    }
}

using System.Net.Http.Json;
using Reconnect.Api.People;
using Reconnect.Api.Tests.Support;
using Reconnect.Api.Tests.Sync;
using Xunit.Abstractions;

namespace Reconnect.Api.Tests;

/// <summary>
/// A real mailbox (Enron, williams-w3: public research data, never committed here), through the
/// real Graph SDK and the simulator. Runs where ../shared is beside the clone, as in CI.
/// </summary>
public sealed class EnronMailboxTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task TheIndexMatchesTheKnownAnswerAndTheTopTwentyAreAllPeople()
    {
        var path = FixturePaths.RequireEnron();
        // A year after its last message, so that the whole mailbox has gone quiet.
        await using var app = new ReconnectApplication(path, clockNow: "2003-02-07T00:00:00Z");
        var client = app.CreateClient();

        var status = await app.SyncAsync(client);

        Assert.Equal("completed", status.State);
        static bool Clean(CorrespondenceRow row) => char.IsAsciiLetterOrDigit(row.Address[0]);
        var expected = CorrespondenceTable.Load(Path.Combine(path, "expected-correspondents.csv"));
        var actual = await GeneratedMailboxSyncTests.ReadIndexAsync(client);
        CorrespondenceTable.AssertEqual([.. expected.Where(Clean)], [.. actual.Where(Clean)], compareAutomated: false);
        // The lossy rows (addresses rebuilt from names: "'almeida@enron.com") are kept as the mailbox has them.
        Assert.Equal(expected.Count(r => !Clean(r)), actual.Count(r => !Clean(r)));

        var top = (await client.GetFromJsonAsync<SuggestionList>("/api/suggestions?take=20"))!.Items;
        var known = expected.ToDictionary(r => r.Address);
        foreach (var (suggestion, rank) in top.Select((s, i) => (s, i + 1)))
        {
            var rows = suggestion.Addresses.Select(a => known.GetValueOrDefault(a)).OfType<CorrespondenceRow>().ToList();
            output.WriteLine($"{rank,2}. {string.Join(", ", suggestion.Addresses)}: sent {rows.Sum(r => r.SentCount)}, received {rows.Sum(r => r.ReceivedCount)} | {suggestion.Reason}");
        }

        Assert.Equal(20, top.Count);
        // Independent of the product's classifier: a machine never has mail from the user, nor writes back.
        Assert.All(top, s => Assert.Contains(s.Addresses, a => known.TryGetValue(a, out var row) && row.SentCount > 0 && row.ReceivedCount > 0));
    }
}

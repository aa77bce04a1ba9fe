using Reconnect.Testing;
using System.Net.Http.Json;
using Reconnect.Api.People;
using Reconnect.Api.Tests.Support;
using Reconnect.GraphSimulator.Generation;
using Xunit.Abstractions;

namespace Reconnect.Api.Tests.Calendar;

/// <summary>A generated 20,000-message mailbox with a calendar, made once for the class.</summary>
public sealed class GeneratedCalendarMailbox : IDisposable
{
    public GeneratedCalendarMailbox()
    {
        Path = Directory.CreateTempSubdirectory("reconnect-generated-calendar-").FullName;
        Result = MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 20_000, Seed = 42, ChangeBatches = 0, Calendar = true }, Path);
    }

    public string Path { get; }

    public GenerationResult Result { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>
/// The calendar's planted truth (expected-meetings.csv) against the product: a stale friend met
/// 1:1 lately is never suggested, one seen since only at all-hands and workshops (or in meetings
/// that do not count) is still stale, and every other planted stale friend is still found.
/// </summary>
public sealed class GeneratedCalendarTests(GeneratedCalendarMailbox mailbox, ITestOutputHelper output) : IClassFixture<GeneratedCalendarMailbox>
{
    [Fact]
    public async Task PeopleMetRecentlyAreNeverSuggestedAndLargeMeetingsLiftNobody()
    {
        await using var app = new ReconnectApplication(mailbox.Path);
        var client = app.CreateClient();
        var status = await app.SyncAsync(client);
        Assert.Equal("completed", status.State);
        var meetings = Csv(System.IO.Path.Combine(mailbox.Path, "expected-meetings.csv"));
        var people = Csv(System.IO.Path.Combine(mailbox.Path, "expected-people.csv"));
        string[] Addresses(Dictionary<string, string> row) => row["addresses"].Split(';', StringSplitOptions.RemoveEmptyEntries);

        var suggestions = (await client.GetFromJsonAsync<SuggestionList>("/api/suggestions?take=200"))!.Items;
        var suggested = suggestions.SelectMany(s => s.Addresses).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"{mailbox.Result.EventLines} events, {suggestions.Count} suggestions");

        var metRecently = meetings.Where(m => m["role"] is "met-recently" or "never-mailed" or "colleague").ToList();
        Assert.NotEmpty(metRecently);
        Assert.All(metRecently, m => Assert.DoesNotContain(Addresses(m), suggested.Contains));

        var largeOnly = meetings.Where(m => m["role"] == "large-meetings-only").ToList();
        Assert.NotEmpty(largeOnly);
        foreach (var friend in largeOnly)
        {
            var detail = await client.GetFromJsonAsync<PersonDetail>($"/api/people/lookup?address={Uri.EscapeDataString(Addresses(friend)[0])}");
            Assert.True(detail!.Stale, $"{friend["person_key"]} was lifted by large meetings: last contact {detail.LastContact}");
            Assert.True(detail.MeetingCount > 0, $"{friend["person_key"]} should have been met at the all-hands");
        }

        // Every planted stale friend the calendar did not bring back is still found.
        var keptStale = people.Where(p => p["expected_stale_friend"] == "true")
            .Where(p => !metRecently.Any(m => m["person_key"] == p["person_key"])).ToList();
        var missed = keptStale.Where(p => !Addresses(p).Any(suggested.Contains)).Select(p => p["person_key"]).ToList();
        output.WriteLine($"{keptStale.Count} stale friends kept, {metRecently.Count(m => m["role"] == "met-recently")} met recently; missed: {string.Join(", ", missed)}");
        Assert.Empty(missed);
    }

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            var cells = CsvLine.Split(line);
            return header.Select((name, i) => (name, value: i < cells.Count ? cells[i] : "")).ToDictionary(c => c.name, c => c.value);
        })];
    }
}

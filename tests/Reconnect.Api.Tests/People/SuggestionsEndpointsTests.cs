using System.Net;
using System.Net.Http.Json;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Correspondents;
using Reconnect.Api.People;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.People;

/// <summary>The sample mailbox's case list, through the real sync, at Clock:Now = 2026-11-26.</summary>
public abstract class SuggestionsEndpointsTests(DatabaseProvider database)
{
    public sealed class OnSqlite() : SuggestionsEndpointsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : SuggestionsEndpointsTests(DatabaseProvider.PostgreSql);

    [Fact]
    public async Task CrystalCoryIsOnePersonWithTwoAddressesAndTheTopSuggestion()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);

        var suggestions = await GetSuggestionsAsync(client);

        var top = suggestions[0];
        Assert.Equal("Crystal Cory", top.DisplayName);
        Assert.Equal(["ccory@personal.example", "crystal.cory@fabrikam.example"], top.Addresses.Order());
        Assert.Equal("ccory@personal.example", top.Addresses[0]);
        Assert.Equal("2 years, 6 months", top.SilenceText);
        Assert.Equal("own-the-gap", top.SuggestedStrategy);
        Assert.Contains("6 emails", top.Reason);
        Assert.Contains("May 2024", top.Reason);
    }

    [Fact]
    public async Task ActiveCorrespondentsMachinesAndContactsWithoutMailAreNeverSuggested()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);

        var suggested = (await GetSuggestionsAsync(client)).SelectMany(s => s.Addresses).ToList();

        Assert.Contains("nora@woodgrove.example", suggested);
        Assert.DoesNotContain("sam.patel@contoso.example", suggested);
        Assert.DoesNotContain("newsletter@industryweekly.example", suggested);
        Assert.DoesNotContain("no-reply@events.example", suggested);
        Assert.DoesNotContain("priya@litware.example", suggested);
        var priya = await client.GetFromJsonAsync<PersonDetail>("/api/people/lookup?address=PRIYA@litware.example");
        Assert.True(priya!.NoMailYet);
        Assert.False(priya.Stale);
    }

    [Fact]
    public async Task APersonsHistoryShowsCountsDatesQuartersAndWhereItStarted()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);
        var crystal = (await GetSuggestionsAsync(client))[0];

        var person = await client.GetFromJsonAsync<PersonDetail>($"/api/people/{crystal.PersonId}");

        Assert.Equal(3, person!.SentCount);
        Assert.Equal(3, person.ReceivedCount);
        Assert.Equal(new DateTime(2024, 3, 12, 15, 2, 0, DateTimeKind.Utc), person.FirstContact);
        Assert.Equal(new DateTime(2024, 5, 3, 10, 0, 0, DateTimeKind.Utc), person.LastContact);
        Assert.Equal("Great meeting you at DevSummit", person.FirstSubject);
        Assert.True(person.Stale);
        Assert.Equal("own-the-gap", person.RecommendedStrategy.Id);
        Assert.Equal([("2024-Q1", 2, 2), ("2024-Q2", 1, 1)], person.Quarters.Select(q => (q.Quarter, q.Sent, q.Received)));
    }

    [Fact]
    public async Task SamPatelIsKnownAndNotStaleInTheReadModeLookup()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);

        var sam = await client.GetFromJsonAsync<PersonDetail>("/api/people/lookup?address=%3CSam.Patel%40Contoso.example%3E");

        Assert.False(sam!.Stale);
        Assert.Equal(new DateTime(2026, 11, 17, 16, 30, 0, DateTimeKind.Utc), sam.LastContact);
        var unknown = await client.GetAsync("/api/people/lookup?address=stranger@nowhere.example");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task SnoozeDismissAndNotAPersonTakeEffectAtOnceAndSurviveAResync()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);
        var before = await GetSuggestionsAsync(client);
        var (crystal, nora, ola) = (before[0], Find(before, "nora@woodgrove.example"), Find(before, "ola@fjord.example"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/people/{crystal.PersonId}/snooze", new { months = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/people/{nora.PersonId}/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/people/{ola.PersonId}/not-a-person", null)).StatusCode);

        var after = (await GetSuggestionsAsync(client)).Select(s => s.PersonId).ToList();
        Assert.DoesNotContain(crystal.PersonId, after);
        Assert.DoesNotContain(nora.PersonId, after);
        Assert.DoesNotContain(ola.PersonId, after);

        await app.SyncToCompletionAsync(client);
        Assert.Empty((await GetSuggestionsAsync(client)).Select(s => s.PersonId).Intersect([crystal.PersonId, nora.PersonId, ola.PersonId]));
        var correspondents = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=100");
        Assert.True(correspondents!.Items.Single(c => c.Address == "ola@fjord.example").Automated);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/people/{crystal.PersonId}/feedback")).StatusCode);
        Assert.Equal(crystal.PersonId, (await GetSuggestionsAsync(client))[0].PersonId);
    }

    [Fact]
    public async Task TheUsersThresholdDecidesWhoIsStale()
    {
        // On 1 March 2026 Crystal has been silent 22 months: stale after 12, not after 24.
        await using var app = new ReconnectApplication(FixturePaths.Sample, clockNow: "2026-03-01T00:00:00Z", database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);
        Assert.Contains(await GetSuggestionsAsync(client), s => s.DisplayName == "Crystal Cory");

        var saved = await client.PutAsJsonAsync("/api/settings", new { staleAfterMonths = 24 });

        saved.EnsureSuccessStatusCode();
        Assert.Equal(24, (await client.GetFromJsonAsync<UserSettings>("/api/settings"))!.StaleAfterMonths);
        var atTwentyFour = await GetSuggestionsAsync(client);
        Assert.DoesNotContain(atTwentyFour, s => s.DisplayName == "Crystal Cory");
        Assert.Contains(atTwentyFour, s => s.Addresses.Contains("nora@woodgrove.example") || s.Addresses.Contains("ola@fjord.example"));
    }

    [Theory]
    [InlineData("GET", "/api/suggestions?take=0", null, "Take")]
    [InlineData("GET", "/api/suggestions?take=201", null, "Take")]
    [InlineData("PUT", "/api/settings", """{"staleAfterMonths":7}""", "staleAfterMonths")]
    [InlineData("GET", "/api/people/lookup?address=not-an-address", null, "address")]
    public async Task BadInputIsAProblemNamingTheField(string method, string url, string? body, string field)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await app.CreateClient().SendAsync(request);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task ASnoozeInThePastAndAnUnknownPersonAreRefused()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, database: database);
        var client = app.CreateClient();
        await app.SyncToCompletionAsync(client);
        var crystal = (await GetSuggestionsAsync(client))[0];

        var past = await client.PostAsJsonAsync($"/api/people/{crystal.PersonId}/snooze", new { until = "2020-01-01T00:00:00Z" });
        var unknown = await client.PostAsync("/api/people/nobody/dismiss", null);

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task<List<Reconnect.Core.Suggestions.Suggestion>> GetSuggestionsAsync(HttpClient client, int take = 50) =>
        [.. (await client.GetFromJsonAsync<SuggestionList>($"/api/suggestions?take={take}"))!.Items];

    private static Reconnect.Core.Suggestions.Suggestion Find(IEnumerable<Reconnect.Core.Suggestions.Suggestion> suggestions, string address) =>
        suggestions.Single(s => s.Addresses.Contains(address));
}

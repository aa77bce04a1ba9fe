using System.Net;
using System.Net.Http.Json;
using Reconnect.Api.Drafts;
using Reconnect.Api.Tests.People;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Drafts;

public sealed class DraftsEndpointsTests
{
    [Fact]
    public async Task StrategiesListTheThreeWithTheirInputs()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var strategies = await app.CreateClient().GetFromJsonAsync<List<StrategyView>>("/api/strategies");

        Assert.NotNull(strategies);
        Assert.Equal(["share-something-relevant", "their-recent-activity", "own-the-gap"], strategies.Select(s => s.Id));
        Assert.Contains(strategies![0].Inputs, i => i.Name == "link" && i.Required && i.Kind == "url");
        Assert.All(strategies, s => Assert.False(string.IsNullOrWhiteSpace(s.Why)));
    }

    [Fact]
    public async Task AnOwnTheGapDraftForCrystalNamesHerTheGapAndWhereWeMet()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var crystal = (await SuggestionsEndpointsTests.GetSuggestionsAsync(client))[0];

        var response = await client.PostAsJsonAsync("/api/drafts", new { personId = crystal.PersonId, strategy = "own-the-gap", tone = "warm", inputs = new { userNews = "I moved to the platform team" } });

        response.EnsureSuccessStatusCode();
        var draft = await response.Content.ReadFromJsonAsync<DraftView>();
        Assert.Equal("ccory@personal.example", Assert.Single(draft!.To).Address);
        Assert.Equal("Crystal Cory", draft.To[0].Name);
        Assert.StartsWith("<p>", draft.HtmlBody);
        Assert.Contains("Crystal", draft.TextBody);
        Assert.Contains("DevSummit", draft.TextBody);
        Assert.Contains("platform team", draft.TextBody);
        Assert.Contains("Jordan", draft.TextBody);
        Assert.Contains("more than two years", draft.TextBody + draft.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutAStrategyTheInputsChooseIt()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var crystal = (await SuggestionsEndpointsTests.GetSuggestionsAsync(client))[0];

        var draft = await (await client.PostAsJsonAsync("/api/drafts", new { personId = crystal.PersonId, inputs = new { link = "https://example.org/paper", whyRelevant = "it builds on your DevSummit talk" } }))
            .Content.ReadFromJsonAsync<DraftView>();

        Assert.Equal("share-something-relevant", draft!.Strategy);
        Assert.Contains("<a href=\"https://example.org/paper\">", draft.HtmlBody);
    }

    [Theory]
    [InlineData("""{"personId":"x","strategy":"share-something-relevant","inputs":{"link":"javascript:alert(1)"}}""", "inputs.link")]
    [InlineData("""{"personId":"x","strategy":"flattery","inputs":{}}""", "strategy")]
    [InlineData("""{"strategy":"own-the-gap","inputs":{}}""", "personId")]
    public async Task BadDraftRequestsAreProblemsNamingTheField(string body, string field)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var response = await app.CreateClient().PostAsync("/api/drafts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task AUserTemplateIsUsedAfterSavingRefusedWithItsPositionWhenBrokenAndGoneAfterDeleting()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var client = app.CreateClient();
        await app.SyncAsync(client);
        var crystal = (await SuggestionsEndpointsTests.GetSuggestionsAsync(client))[0];
        var builtIn = await client.GetFromJsonAsync<TemplateView>("/api/templates/own-the-gap");
        Assert.False(builtIn!.IsCustom);

        var broken = await client.PutAsJsonAsync("/api/templates/own-the-gap", new { subject = "Hello", body = "Hi {{ first_name\nthere" });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Line ", await broken.Content.ReadAsStringAsync());

        var saved = await client.PutAsJsonAsync("/api/templates/own-the-gap", new { subject = "Long time, {{ first_name }}", body = builtIn.Body });
        saved.EnsureSuccessStatusCode();
        var draft = await (await client.PostAsJsonAsync("/api/drafts", new { personId = crystal.PersonId, strategy = "own-the-gap", inputs = new { } })).Content.ReadFromJsonAsync<DraftView>();
        Assert.Equal("Long time, Crystal", draft!.Subject);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/templates/own-the-gap")).StatusCode);
        Assert.False((await client.GetFromJsonAsync<TemplateView>("/api/templates/own-the-gap"))!.IsCustom);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/templates/flattery")).StatusCode);
    }
}

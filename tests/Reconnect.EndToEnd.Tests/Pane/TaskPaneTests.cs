using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reconnect.EndToEnd.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Reconnect.EndToEnd.Tests.Pane;

/// <summary>
/// The task pane in Debian's Chromium against the real API on Kestrel, with the sample mailbox
/// (Jordan Reyes) and the clock at 2026-11-26: Crystal Cory is the top stale tie, Sam Patel writes
/// every week. Outlook is the Office.js double; "Browser" is the real npm office.js outside Outlook.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskPaneTests(ChromiumFixture chromium)
{
    private const string Crystal = "Crystal Cory";

    /// <summary>What each strategy's blanks are filled with.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Inputs = new()
    {
        ["share-something-relevant"] = new()
        {
            ["link"] = "https://example.com/flaky-tests",
            ["linkTitle"] = "The hidden cost of flaky tests",
            ["whyRelevant"] = "You mentioned your team was fighting flaky integration tests.",
        },
        ["their-recent-activity"] = new()
        {
            ["activity"] = "your talk about moving to Postgres",
            ["userView"] = "I really liked your point about rehearsing the rollback.",
        },
        ["own-the-gap"] = new()
        {
            ["userNews"] = "I've moved to the platform team & I'm learning <a lot> about on-call.",
        },
    };

    [SkippableFact]
    public async Task FirstRunShowsSyncProgressThenSuggestionsAndInsertsEachStrategyForCrystalIntoANewMessage()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Outlook);
        var page = pane.Page;

        await Expect(page.Locator("#sync-progress")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sync-label")).ToContainTextAsync("Done");
        await pane.ScreenshotAsync("01-first-run-sync-done");

        await WaitForSuggestionsAsync(page);
        var names = await page.Locator("[data-testid=suggestion] .name").AllTextContentsAsync();
        Assert.Equal(Crystal, names[0]);
        Assert.DoesNotContain("Sam Patel", names);
        Assert.DoesNotContain(names, n => n.Contains("newsletter", StringComparison.OrdinalIgnoreCase) || n.Contains("no-reply", StringComparison.OrdinalIgnoreCase));
        var first = page.GetByTestId("suggestion").First;
        await Expect(first.Locator(".silence")).ToContainTextAsync("year");
        await Expect(first.Locator(".reason")).Not.ToBeEmptyAsync();
        await pane.ScreenshotAsync("02-suggestions");

        await OpenAsync(page, Crystal);
        await Expect(page.GetByTestId("history-chart")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("facts")).ToContainTextAsync("Last exchange");
        await Expect(page.Locator(".strategy-option").First.Locator(".recommended")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("why")).ToBeVisibleAsync();
        await pane.ScreenshotAsync("03-person-crystal");

        using var api = server.CreateApiClient();
        var personId = await PersonIdAsync(api, Crystal);
        var expectedForms = 0;
        foreach (var (strategy, inputs) in Inputs)
        {
            await page.Locator($"#strategy-{strategy}").CheckAsync();
            await FillAsync(page, inputs);
            var expected = await DraftAsync(api, personId, strategy, "warm", inputs);
            await Expect(page.GetByTestId("preview")).ToHaveAttributeAsync("aria-busy", "false");
            await Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync(expected.Subject);
            await pane.ScreenshotAsync($"04-preview-{strategy}");
            await page.GetByTestId("insert").ClickAsync();
            await Expect(page.GetByTestId("success")).ToContainTextAsync("new message");
            expectedForms++;

            var forms = (await pane.OfficeCallsAsync()).Where(c => c.Name == "displayNewMessageForm").ToList();
            Assert.Equal(expectedForms, forms.Count);
            var form = forms[^1].Args[0];
            Assert.Equal(Recipients(expected), Recipients(form.GetProperty("toRecipients")));
            Assert.Equal(expected.Subject, form.GetProperty("subject").GetString());
            Assert.Equal(expected.HtmlBody, form.GetProperty("htmlBody").GetString());
        }

        Assert.Empty(pane.PageErrors);
    }

    [SkippableFact]
    public async Task InComposeModeInsertPutsTheBodyAtTheCursorSetsAnEmptySubjectAndAddsCrystalToToOnce()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Compose,
            new { subject = "", to = new[] { new { displayName = "Lee Wong", emailAddress = "lee.wong@adatum.example" } } });
        var page = pane.Page;
        await WaitForSuggestionsAsync(page);
        await OpenAsync(page, Crystal);

        const string strategy = "own-the-gap";
        await page.Locator($"#strategy-{strategy}").CheckAsync();
        await page.GetByLabel("Professional").CheckAsync();
        await FillAsync(page, Inputs[strategy]);
        await Expect(page.GetByTestId("preview-subject")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("insert")).ToHaveTextAsync("Insert into message");
        await page.GetByTestId("insert").ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("in your message");
        await pane.ScreenshotAsync("05-compose-inserted");

        using var api = server.CreateApiClient();
        var expected = await DraftAsync(api, await PersonIdAsync(api, Crystal), strategy, "professional", Inputs[strategy]);
        var calls = (await pane.OfficeCallsAsync()).Where(c => c.Name != "onReady" && c.Name != "addHandlerAsync").ToList();
        Assert.Equal(["body.setSelectedDataAsync", "subject.getAsync", "subject.setAsync", "to.getAsync", "to.addAsync"], calls.Select(c => c.Name));
        Assert.Equal(expected.HtmlBody, calls[0].Args[0].GetString());
        Assert.Equal("html", calls[0].Args[1].GetProperty("coercionType").GetString());
        Assert.Equal(expected.Subject, calls[2].Args[0].GetString());
        Assert.Equal(Recipients(expected), Recipients(calls[4].Args[0]));

        // A second Insert into the same message: the subject is no longer empty and she is in To already.
        await page.GetByTestId("insert").ClickAsync();
        await Expect(page.GetByTestId("success")).ToBeVisibleAsync();
        var again = (await pane.OfficeCallsAsync()).Where(c => c.Name != "onReady" && c.Name != "addHandlerAsync").Skip(calls.Count).Select(c => c.Name);
        Assert.Equal(["body.setSelectedDataAsync", "subject.getAsync", "to.getAsync"], again);
        var state = await page.EvaluateAsync<JsonElement>("() => window.__officeDouble.state");
        Assert.Equal(expected.Subject, state.GetProperty("subject").GetString());
        Assert.Equal(2, state.GetProperty("to").GetArrayLength());
        Assert.Empty(pane.PageErrors);
    }

    [SkippableFact]
    public async Task SnoozeDismissAndNotAPersonTakePeopleOffTheListAtOnceAndForGood()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Outlook);
        var page = pane.Page;
        await WaitForSuggestionsAsync(page);
        var before = await page.GetByTestId("suggestion").CountAsync();
        var crystal = page.GetByTestId("suggestion").Filter(new() { HasText = Crystal });
        await Expect(crystal).ToHaveCountAsync(1);

        var snoozes = 0;
        page.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/snooze", StringComparison.Ordinal)) snoozes++; };
        await crystal.GetByRole(AriaRole.Button, new() { Name = $"Snooze 3 months: {Crystal}" }).ClickAsync();
        await Expect(crystal).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("success")).ToContainTextAsync("snoozed");
        Assert.Equal(1, snoozes);
        await pane.ScreenshotAsync("06-after-snooze");

        await page.ReloadAsync();
        await WaitForSuggestionsAsync(page, allowEmpty: before == 1);
        await Expect(page.GetByTestId("suggestion").Filter(new() { HasText = Crystal })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("suggestion")).ToHaveCountAsync(before - 1);

        // Dismiss and "not a person" take the others off at once too, and for good.
        var others = await page.Locator("[data-testid=suggestion] .name").AllTextContentsAsync();
        for (var i = 0; i < others.Count; i++)
        {
            var action = i % 2 == 0 ? $"Dismiss {others[i]}" : $"{others[i]} is not a person";
            await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("suggestion").Filter(new() { HasText = others[i] })).ToHaveCountAsync(0);
        }

        await Expect(page.GetByTestId("suggestions-empty")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("suggestions-empty")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await pane.ScreenshotAsync("06b-all-handled");
        Assert.Empty(pane.PageErrors);
    }

    [SkippableFact]
    public async Task InReadModeTheCardSaysSamPatelIsNotStaleAndCrystalIs()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        await using (var sam = await PaneSession.OpenAsync(browser, server, PaneHost.Read,
            new { subject = "Friday", from = new { displayName = "Sam Patel", emailAddress = "Sam.Patel@Contoso.example" } }))
        {
            await WaitForSuggestionsAsync(sam.Page);
            var card = sam.Page.GetByTestId("read-card");
            await Expect(card.GetByTestId("not-stale")).ToBeVisibleAsync();
            await Expect(card).ToContainTextAsync("You last corresponded on 17 Nov 2026");
            await sam.ScreenshotAsync("07-read-mode-sam");
            Assert.Empty(sam.PageErrors);
        }

        await using var crystal = await PaneSession.OpenAsync(browser, server, PaneHost.Read,
            new { subject = "Hello", from = new { displayName = Crystal, emailAddress = "ccory@personal.example" } });
        var crystalCard = crystal.Page.GetByTestId("read-card");
        await Expect(crystalCard.GetByTestId("stale")).ToBeVisibleAsync();
        await crystalCard.GetByRole(AriaRole.Button, new() { Name = "Write to reconnect" }).ClickAsync();
        await Expect(crystal.Page.Locator("#person-name")).ToHaveTextAsync(Crystal);
        await crystal.ScreenshotAsync("08-read-mode-crystal");
    }

    [SkippableFact]
    public async Task WhenTheApiFailsThePaneSaysSoAndRetryRecovers()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Outlook);
        var page = pane.Page;
        await WaitForSuggestionsAsync(page);

        // The API goes down: the service can't be reached at all, then it answers 503.
        var failures = 0;
        await page.RouteAsync("**/api/suggestions**", async route =>
        {
            failures++;
            if (failures == 1)
            {
                await route.AbortAsync("connectionrefused");
            }
            else if (failures == 2)
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 503,
                    ContentType = "application/problem+json",
                    Body = """{"type":"about:blank","title":"Reconnect is restarting","status":503,"detail":"Try again in a minute."}""",
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await page.ReloadAsync();
        var error = page.GetByTestId("error");
        await Expect(error).ToContainTextAsync("can't be reached");
        await pane.ScreenshotAsync("09-api-down");
        await error.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(error).ToContainTextAsync("Reconnect is restarting");
        await Expect(error).ToContainTextAsync("Try again in a minute.");
        await error.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await WaitForSuggestionsAsync(page);
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        Assert.Equal(3, failures);
    }

    [SkippableFact]
    public async Task WhenTheSyncNeedsConsentOrFailsThePaneSaysSoAndRetryRecovers()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        var posts = 0;
        var gets = 0;
        await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Outlook, configure: async context =>
            await context.RouteAsync("**/api/sync", async route =>
            {
                if (route.Request.Method == "POST" && ++posts == 1)
                {
                    // What the API answers when Graph needs the user's consent (GraphChallenge).
                    await route.FulfillAsync(new RouteFulfillOptions
                    {
                        Status = 403,
                        ContentType = "application/problem+json",
                        Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer error=\"consent_required\", scope=\"https://graph.microsoft.com/Mail.ReadBasic\"" },
                        Body = """{"title":"Consent or sign-in needed for Microsoft Graph","status":403,"detail":"Reconnect needs your permission to read your mail's envelopes.","error":"consent_required","scopes":["https://graph.microsoft.com/Mail.ReadBasic"],"claims":null}""",
                    });
                }
                else if (route.Request.Method == "GET" && ++gets == 3)
                {
                    await route.FulfillAsync(new RouteFulfillOptions
                    {
                        ContentType = "application/json",
                        Body = """{"state":"failed","messagesProcessed":3,"messagesEstimated":30,"itemsSkipped":0,"error":"Microsoft Graph could not be reached."}""",
                    });
                }
                else
                {
                    await route.ContinueAsync();
                }
            }));
        var page = pane.Page;

        var error = page.GetByTestId("error");
        await Expect(error).ToContainTextAsync("Consent or sign-in needed");
        await pane.ScreenshotAsync("13-consent-needed");
        await error.GetByRole(AriaRole.Button, new() { Name = "Give consent" }).ClickAsync();

        await Expect(error).ToContainTextAsync("The mailbox sync failed");
        await Expect(error).ToContainTextAsync("Microsoft Graph could not be reached.");
        await pane.ScreenshotAsync("14-sync-failed");
        await error.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await WaitForSuggestionsAsync(page);
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        Assert.True(posts >= 2, $"the sync was started {posts} times");
        Assert.Empty(pane.PageErrors);
    }

    [SkippableFact]
    public async Task APersonMetInMeetingsHasMeetingsAsAThirdSeriesInTheChart()
    {
        var browser = chromium.Require();
        // The sample mailbox plus a calendar: two 1:1s with Crystal in spring 2024, before her silence.
        var mailbox = SampleWithCalendar(
            Reconnect.Testing.CalendarLines.Event("E1", "uid-1", new DateTime(2024, 4, 9, 15, 0, 0, DateTimeKind.Utc), attendees: ("crystal.cory@fabrikam.example", "required", "accepted")),
            Reconnect.Testing.CalendarLines.Event("E2", "uid-2", new DateTime(2024, 4, 23, 15, 0, 0, DateTimeKind.Utc), attendees: ("crystal.cory@fabrikam.example", "required", "accepted")));
        try
        {
            await using var server = PaneServer.Start(mailbox);
            await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Outlook);
            var page = pane.Page;
            await WaitForSuggestionsAsync(page);

            await OpenAsync(page, Crystal);

            var chart = page.GetByTestId("history-chart");
            await Expect(chart).ToBeVisibleAsync();
            Assert.Equal(2, await chart.Locator("rect.met").CountAsync());
            await Expect(page.Locator("figure.history-chart")).ToContainTextAsync("Met (2)");
            await Expect(page.GetByTestId("facts")).ToContainTextAsync("Last met");
            await pane.ScreenshotAsync("15-person-with-meetings");
        }
        finally
        {
            Directory.Delete(mailbox, recursive: true);
        }
    }

    [SkippableFact]
    public async Task APersonLastSeenOnlyInACrowdShowsTheirLastPersonalExchangeApart()
    {
        var browser = chromium.Require();
        // Crystal's only exchange since May 2024 is an all-hands of 40: the last exchange, but not a personal one.
        var crowd = Enumerable.Range(0, 38).Select(i => ($"staff{i}@northwind.example", "required", "none"))
            .Append(("crystal.cory@fabrikam.example", "optional", "accepted"))
            .ToArray();
        var mailbox = SampleWithCalendar(
            Reconnect.Testing.CalendarLines.Event("E-allhands", "uid-allhands", new DateTime(2026, 11, 2, 17, 0, 0, DateTimeKind.Utc), 60,
                userResponse: "accepted", organizer: "ceo@northwind.example", attendees: crowd));
        try
        {
            await using var server = PaneServer.Start(mailbox);
            await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Outlook);
            var page = pane.Page;
            await WaitForSuggestionsAsync(page);

            // Still the top suggestion: the crowd does not end her silence.
            Assert.Equal(Crystal, (await page.Locator("[data-testid=suggestion] .name").AllTextContentsAsync())[0]);
            await OpenAsync(page, Crystal);

            var facts = page.GetByTestId("facts");
            await Expect(facts.Locator("dt", new() { HasTextString = "Last exchange" }).Locator("xpath=following-sibling::dd[1]")).ToContainTextAsync("2026");
            await Expect(facts.Locator("dt", new() { HasTextString = "Last personal exchange" }).Locator("xpath=following-sibling::dd[1]")).ToContainTextAsync("2024");
            await pane.ScreenshotAsync("16-person-last-seen-in-a-crowd");
            Assert.Empty(pane.PageErrors);
        }
        finally
        {
            Directory.Delete(mailbox, recursive: true);
        }
    }

    /// <summary>A copy of the sample mailbox with these calendar events; the caller deletes it.</summary>
    private static string SampleWithCalendar(params System.Text.Json.Nodes.JsonObject[] events)
    {
        var mailbox = Directory.CreateTempSubdirectory("reconnect-e2e-calendar-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox")))
        {
            File.Copy(file, Path.Combine(mailbox, Path.GetFileName(file)));
        }

        Reconnect.Testing.CalendarLines.WriteEvents(mailbox, events);
        return mailbox;
    }

    [SkippableFact]
    public async Task InAPlainBrowserAt320PxInsertShowsTheFinishedDraftWithCopyAndMailto()
    {
        var browser = chromium.Require();
        await using var server = PaneServer.Start();
        await using var pane = await PaneSession.OpenAsync(browser, server, PaneHost.Browser, width: 320, height: 1000);
        var page = pane.Page;
        await WaitForSuggestionsAsync(page);
        await Expect(page.Locator("#mode-badge")).ToHaveTextAsync("Demo");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Office !== 'undefined' && typeof Office.onReady === 'function'"), "office.js from npm should load in Development");
        await AssertFitsAsync(page, 320);
        await AssertAccessibleAsync(page, "the suggestions");
        await pane.ScreenshotAsync("10-browser-320-suggestions");

        // Keyboard only: Tab to Crystal's suggestion and open it with Enter.
        var open = page.GetByTestId("suggestion").Filter(new() { HasText = Crystal }).Locator(".suggestion-open");
        for (var i = 0; i < 30 && !await open.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#person-name")).ToHaveTextAsync(Crystal);

        const string strategy = "share-something-relevant";
        await page.Locator($"#strategy-{strategy}").CheckAsync();
        await Expect(page.GetByTestId("preview-status")).ToContainTextAsync("Link to share");
        await Expect(page.GetByTestId("insert")).ToBeDisabledAsync();
        await FillAsync(page, Inputs[strategy]);
        await Expect(page.GetByTestId("preview")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByTestId("preview-subject")).Not.ToBeEmptyAsync();
        await AssertFitsAsync(page, 320);
        await AssertAccessibleAsync(page, "a person");
        await pane.ScreenshotAsync("11-browser-320-preview");

        await page.GetByTestId("insert").ClickAsync();
        var finished = page.GetByTestId("finished-draft");
        await Expect(finished).ToBeVisibleAsync();
        using var api = server.CreateApiClient();
        var expected = await DraftAsync(api, await PersonIdAsync(api, Crystal), strategy, "warm", Inputs[strategy]);
        await Expect(finished.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("finished-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(expected.TextBody)));
        var href = await page.GetByTestId("mailto").GetAttributeAsync("href") ?? "";
        Assert.StartsWith("mailto:", href, StringComparison.Ordinal);
        Assert.Equal(string.Join(",", expected.To.Select(r => r.Address)), Uri.UnescapeDataString(href[7..href.IndexOf('?')]));
        var query = href[(href.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(expected.Subject, query["subject"]);
        Assert.Equal(expected.TextBody, query["body"]);
        await finished.ScrollIntoViewIfNeededAsync();
        await pane.ScreenshotAsync("12-browser-320-finished-draft");
        Assert.Empty(pane.PageErrors);
    }

    private static async Task WaitForSuggestionsAsync(IPage page, bool allowEmpty = false)
    {
        if (allowEmpty)
        {
            await Expect(page.Locator("[data-testid=suggestions], [data-testid=suggestions-empty]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            return;
        }

        await Expect(page.GetByTestId("suggestion").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static async Task OpenAsync(IPage page, string name)
    {
        await page.GetByTestId("suggestion").Filter(new() { HasText = name }).Locator(".suggestion-open").ClickAsync();
        await Expect(page.Locator("#person-name")).ToHaveTextAsync(name);
    }

    private static async Task FillAsync(IPage page, Dictionary<string, string> inputs)
    {
        foreach (var (name, value) in inputs)
        {
            await page.Locator($"#input-{name}").FillAsync(value);
        }
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The pane is {scrollWidth} px wide at a {width} px viewport: it scrolls sideways.");
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // Iframes off: axe can't run inside the preview's sandboxed frame (no scripts allowed) and would wait for it forever.
        var results = await page.RunAxe(new AxeRunOptions
        {
            Iframes = false,
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(results.Violations.Length == 0,
            $"Accessibility violations on {what}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
    }

    private static async Task<string> PersonIdAsync(HttpClient api, string displayName)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/suggestions?take=50");
        return page.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("displayName").GetString() == displayName)
            .GetProperty("personId").ToString();
    }

    private static async Task<Draft> DraftAsync(HttpClient api, string personId, string strategy, string tone, Dictionary<string, string> inputs)
    {
        var response = await api.PostAsJsonAsync("/api/drafts", new { personId, strategy, tone, inputs });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Draft>(JsonSerializerOptions.Web))!;
    }

    private static IEnumerable<string> Recipients(Draft draft) => draft.To.Select(r => $"{r.Name ?? r.Address} <{r.Address}>");

    private static IEnumerable<string> Recipients(JsonElement recipients) =>
        recipients.EnumerateArray().Select(r => $"{r.GetProperty("displayName").GetString()} <{r.GetProperty("emailAddress").GetString()}>");

    private sealed record Draft(IReadOnlyList<Recipient> To, string Subject, string HtmlBody, string TextBody);

    private sealed record Recipient(string? Name, string Address);
}

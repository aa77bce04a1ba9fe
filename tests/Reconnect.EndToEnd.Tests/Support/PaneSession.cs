using System.Text.Json;
using Microsoft.Playwright;

namespace Reconnect.EndToEnd.Tests.Support;

/// <summary>How the pane is opened: in Outlook (through the Office.js double) or a plain browser.</summary>
internal enum PaneHost
{
    /// <summary>A plain browser: the real office.js from npm, no Outlook.</summary>
    Browser,
    /// <summary>Outlook with no item open (the pane opens new messages).</summary>
    Outlook,
    /// <summary>Outlook, reading a message.</summary>
    Read,
    /// <summary>Outlook, writing a message.</summary>
    Compose,
}

/// <summary>
/// A browser tab on the task pane of a <see cref="PaneServer"/>. In Outlook modes the Office.js
/// double (office-double.js) is injected before any page script runs and the real office.js
/// request is answered with an empty script, so the pane meets only the double.
/// </summary>
internal sealed class PaneSession : IAsyncDisposable
{
    private readonly List<string> _pageErrors = [];

    private PaneSession(PaneServer server, IBrowserContext context, IPage page)
    {
        Server = server;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public PaneServer Server { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Uncaught script errors seen so far.</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors;

    public static async Task<PaneSession> OpenAsync(IBrowser browser, PaneServer server, PaneHost host, object? outlook = null, int width = 360, int height = 900, Func<IBrowserContext, Task>? configure = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Origin,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        if (host != PaneHost.Browser)
        {
            var config = new Dictionary<string, object?>(StringComparer.Ordinal) { ["mode"] = host switch
            {
                PaneHost.Read => "read",
                PaneHost.Compose => "compose",
                _ => "none",
            } };
            if (outlook is not null)
            {
                foreach (var property in JsonSerializer.SerializeToElement(outlook, JsonSerializerOptions.Web).EnumerateObject())
                {
                    config[property.Name] = property.Value;
                }
            }

            await context.AddInitScriptAsync($"window.__officeDoubleConfig = {JsonSerializer.Serialize(config, JsonSerializerOptions.Web)};");
            await context.AddInitScriptAsync(scriptPath: Path.Combine(AppContext.BaseDirectory, "Support", "office-double.js"));
            await context.RouteAsync("**/lib/office-js/office.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/javascript",
                Body = "/* Office.js is replaced by the test double. */",
            }));
        }

        if (configure is not null)
        {
            await configure(context);
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var session = new PaneSession(server, context, page);
        await page.GotoAsync("/taskpane.html");
        return session;
    }

    /// <summary>Every call the Office.js double recorded, in order.</summary>
    public async Task<IReadOnlyList<OfficeCall>> OfficeCallsAsync()
    {
        var calls = await Page.EvaluateAsync<JsonElement>("() => window.__officeDouble.calls");
        return [.. calls.EnumerateArray().Select(c => new OfficeCall(c.GetProperty("name").GetString()!, c.GetProperty("args")))];
    }

    /// <summary>Writes a full-page screenshot to TestResults/screenshots/{name}.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
    }
}

/// <summary>One recorded Office.js call: its name (e.g. <c>to.addAsync</c>) and its JSON arguments.</summary>
internal sealed record OfficeCall(string Name, JsonElement Args);

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Reconnect.EndToEnd.Tests.Pane;

/// <summary>
/// The pane's page as each environment serves it: Office.js from Microsoft's CDN in production
/// (the store requires it) and from the npm package in Development; the sign-in settings from
/// "AzureAd"; demo mode only where the demo runs.
/// </summary>
public sealed class TaskPanePageTests
{
    private const string ClientId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    [Fact]
    public async Task InProductionThePageLoadsOfficeJsFromTheCdnAndAsksForTheApiScope()
    {
        await using var app = new PageHost("Production", new()
        {
            ["Demo:Enabled"] = "false",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = ClientId,
            ["AzureAd:AppIdUri"] = $"api://reconnect.contoso.example/{ClientId}",
        });
        var html = await app.CreateClient().GetStringAsync("/taskpane.html");

        Assert.Contains("""<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>""", html);
        Assert.DoesNotContain("/lib/office-js/", html);
        Assert.Contains("""<meta name="reconnect-demo" content="false">""", html);
        Assert.Contains($"""<meta name="reconnect-client-id" content="{ClientId}">""", html);
        Assert.Contains($"""<meta name="reconnect-api-scope" content="api://reconnect.contoso.example/{ClientId}/access_as_user">""", html);
        Assert.Contains("""<meta name="reconnect-authority" content="https://login.microsoftonline.com/organizations">""", html);
        Assert.DoesNotMatch("%[A-Z_]+%", html);
    }

    [Fact]
    public async Task InDevelopmentThePageLoadsOfficeJsFromNpmAndAsksForNoToken()
    {
        await using var app = new PageHost("Development", new()
        {
            ["Demo:Enabled"] = "true",
            ["Demo:MailboxPath"] = Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox"),
        });
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/taskpane.html");

        Assert.Contains("""<script src="/lib/office-js/office.js"></script>""", html);
        Assert.Contains("""<meta name="reconnect-demo" content="true">""", html);
        var officeJs = await client.GetAsync("/lib/office-js/office.js");
        Assert.True(officeJs.IsSuccessStatusCode, $"npm's office.js is not served: {officeJs.StatusCode}");
        var msal = await client.GetAsync("/lib/msal-browser/msal-browser.min.js");
        Assert.True(msal.IsSuccessStatusCode, $"the MSAL bundle is not served: {msal.StatusCode}");
    }

    private sealed class PageHost(string environment, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        private readonly string _dataFolder = Directory.CreateTempSubdirectory("reconnect-page-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            settings["Storage:DataFolder"] = _dataFolder;
            settings["Logging:LogLevel:Default"] = "Warning";
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleanup.
            }
        }
    }
}

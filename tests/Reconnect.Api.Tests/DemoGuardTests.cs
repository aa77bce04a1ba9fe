using System.Net;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests;

public sealed class DemoGuardTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task TheAppRefusesToStartWithDemoSignInOutsideDevelopment(string environment)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, environment: environment);

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("Demo:Enabled", error.Message);
        Assert.Contains("only in Development", error.Message);
    }

    [Fact]
    public async Task WithoutDemoModeTheApiRequiresAToken()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = "11111111-2222-3333-4444-555555555555",
        });

        var response = await app.CreateClient().GetAsync("/api/correspondents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutDemoModeAndWithoutAnAppRegistrationTheAppRefusesToStart()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
        });

        Assert.Contains("AzureAd:ClientId", app.RefusalToStart());
    }
}
